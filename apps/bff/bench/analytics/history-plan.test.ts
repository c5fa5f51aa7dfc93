import { describe, expect, it } from 'vitest'
import { historyFingerprint, planHistory } from './history-plan'

describe('planHistory', () => {
  it('splits the rows 60/40 and keeps the total', () => {
    expect(planHistory(1_000_000, 1)).toEqual({
      incidents: 600_000,
      cases: 400_000,
      days: 365,
      seed: 1,
    })
    const odd = planHistory(7, 1)
    expect(odd.incidents + odd.cases).toBe(7)
  })

  it('refuses a count that is not a positive integer', () => {
    expect(() => planHistory(0, 1)).toThrow()
    expect(() => planHistory(1.5, 1)).toThrow()
  })
})

describe('historyFingerprint', () => {
  const plan = planHistory(1_000_000, 1)

  it('is stable for the same schema and plan', () => {
    expect(historyFingerprint('abc', plan)).toBe(historyFingerprint('abc', { ...plan }))
  })

  it.each([
    ['schema', 'abd', plan],
    ['rows', 'abc', planHistory(999_999, 1)],
    ['seed', 'abc', planHistory(1_000_000, 2)],
    ['days', 'abc', planHistory(1_000_000, 1, 30)],
  ] as const)('changes with the %s', (_what, schemaKey, other) => {
    expect(historyFingerprint(schemaKey, other)).not.toBe(historyFingerprint('abc', plan))
  })
})
