import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { productionAccidentGrade } from './index'

const none = { deaths: 0, seriousInjuries: 0, directLossYuan: 0 }

describe('productionAccidentGrade (条例 493 Art. 3)', () => {
  it.each([
    [{ deaths: 30 }, 'I'],
    [{ deaths: 29 }, 'II'],
    [{ deaths: 10 }, 'II'],
    [{ deaths: 9 }, 'III'],
    [{ deaths: 3 }, 'III'],
    [{ deaths: 2 }, 'IV'],
    [{ seriousInjuries: 100 }, 'I'],
    [{ seriousInjuries: 99 }, 'II'],
    [{ seriousInjuries: 50 }, 'II'],
    [{ seriousInjuries: 49 }, 'III'],
    [{ seriousInjuries: 10 }, 'III'],
    [{ seriousInjuries: 9 }, 'IV'],
    [{ directLossYuan: 100_000_000 }, 'I'],
    [{ directLossYuan: 99_999_999 }, 'II'],
    [{ directLossYuan: 50_000_000 }, 'II'],
    [{ directLossYuan: 49_999_999 }, 'III'],
    [{ directLossYuan: 10_000_000 }, 'III'],
    [{ directLossYuan: 9_999_999 }, 'IV'],
    [{}, 'IV'],
  ])('%j → %s', (patch, grade) => {
    expect(productionAccidentGrade({ ...none, ...patch })).toBe(grade)
  })

  it.each([
    [{ deaths: 2, seriousInjuries: 9, directLossYuan: 50_000_000 }, 'II'],
    [{ deaths: 30, seriousInjuries: 0, directLossYuan: 0 }, 'I'],
    [{ deaths: 3, seriousInjuries: 100, directLossYuan: 0 }, 'I'],
    [{ deaths: 9, seriousInjuries: 49, directLossYuan: 49_999_999 }, 'III'],
  ])('takes the most severe grade any criterion meets: %j → %s', (facts, grade) => {
    expect(productionAccidentGrade(facts)).toBe(grade)
  })

  it.each([
    ['negative deaths', { deaths: -1 }],
    ['fractional injuries', { seriousInjuries: 1.5 }],
    ['fractional loss', { directLossYuan: 0.5 }],
    ['NaN loss', { directLossYuan: Number.NaN }],
  ])('rejects %s', (_label, patch) => {
    expectDomainError(() => productionAccidentGrade({ ...none, ...patch }), 'VALIDATION')
  })
})
