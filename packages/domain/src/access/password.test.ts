import { describe, it, expect } from 'vitest'
import { COMMON_PASSWORD_FRAGMENTS } from './common-passwords'
import {
  DEMO_PASSWORD,
  PASSWORD_PROBLEMS,
  PASSWORD_PROBLEM_LABELS,
  checkPassword,
} from './password'

const who = { username: 'zhang.san', displayName: '张三' }

describe('checkPassword', () => {
  it.each([
    ['Gr33n-Lantern-Erqi', []],
    ['黄河路-Bridge-2026', []], // 汉字 count as symbols and once each
    ['Short1!aB', ['tooShort']],
    ['Abcdefgh1!x', ['tooShort']], // 11 code points
    ['Abcdefgh1!xy', []], // exactly 12
    [`Aa1!${'x'.repeat(124)}`, []], // exactly 128
    [`Aa1!${'x'.repeat(125)}`, ['tooLong']],
    ['lowercase-only-words', ['tooFewClasses']],
    ['ALLUPPERCASEWITH123', ['tooFewClasses']],
    ['Zhang.San-Rocks-77', ['containsUsername']],
    ['zhangsanRocks-77', ['containsUsername']],
    ['我是张三-Rocks-77x', ['containsDisplayName']],
    ['Password-Erqi-77', ['common']],
    ['Tr0ub4dor&123456', ['common']],
    ['Zhengzhou@Metro1', ['common']],
    ['abc123', ['tooShort', 'tooFewClasses', 'common']],
  ] as const)('%s → %j', (password, problems) => {
    const result = checkPassword(password, who)
    expect(result.problems).toEqual(problems)
    expect(result.ok).toBe(problems.length === 0)
  })

  it('matches username parts of 4+ characters only', () => {
    const result = checkPassword('Handler-Desk-Guancheng7', { username: 'handler-cg-410102' })
    expect(result.problems).toEqual(['containsUsername'])
    expect(checkPassword('Blue-Sky-Over-Erqi-7', { username: 'li' }).ok).toBe(true)
  })

  it('ignores a one-character display name', () => {
    expect(checkPassword('Blue-Sky-Over-Erqi-7', { username: 'wu.yi', displayName: 'e' }).ok).toBe(
      true,
    )
  })

  it('fails the demo password on purpose: the BFF bypasses the rule only when seeding demo accounts', () => {
    expect(checkPassword(DEMO_PASSWORD, { username: 'dispatcher' }).problems).toEqual([
      'tooFewClasses',
      'common',
    ])
  })

  it('labels every problem in zh and en', () => {
    expect(Object.keys(PASSWORD_PROBLEM_LABELS).sort()).toEqual([...PASSWORD_PROBLEMS].sort())
    expect(PASSWORD_PROBLEM_LABELS.tooShort).toEqual({
      zh: '密码至少 12 个字符',
      en: 'Use at least 12 characters',
    })
  })

  it('keeps the common list lowercase, so the case-insensitive match works', () => {
    for (const f of COMMON_PASSWORD_FRAGMENTS) expect(f).toBe(f.toLowerCase())
  })
})
