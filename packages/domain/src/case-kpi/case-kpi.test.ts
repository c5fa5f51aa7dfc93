import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import {
  averageHandlingHours,
  closureRate,
  formatPercent,
  onTimeClosureRate,
  returnRate,
  reworkRate,
} from './index'

describe('closureRate and onTimeClosureRate', () => {
  // Tianmen, December (DOMAIN.md §2.1): 应结案 972, 结案 911, 按期结案 737.
  it('reproduces the Tianmen figures', () => {
    expect(formatPercent(closureRate({ closed: 911, due: 972 }))).toBe('93.72%')
    expect(formatPercent(onTimeClosureRate({ closedOnTime: 737, due: 972 }))).toBe('75.82%')
  })

  it.each([
    [0, 10, 0],
    [10, 10, 1],
    [1, 4, 0.25],
  ])('closed %d of %d → %d', (closed, due, ratio) => {
    expect(closureRate({ closed, due })).toBe(ratio)
    expect(onTimeClosureRate({ closedOnTime: closed, due })).toBe(ratio)
  })

  it('is null when nothing was due', () => {
    expect(closureRate({ closed: 0, due: 0 })).toBeNull()
    expect(onTimeClosureRate({ closedOnTime: 0, due: 0 })).toBeNull()
  })

  it.each([
    ['closed > due', { closed: 11, due: 10 }],
    ['negative', { closed: -1, due: 10 }],
    ['fractional', { closed: 1.5, due: 10 }],
  ])('closureRate rejects %s', (_label, counts) => {
    expectDomainError(() => closureRate(counts), 'VALIDATION')
  })

  it('onTimeClosureRate rejects closedOnTime > due', () => {
    expectDomainError(() => onTimeClosureRate({ closedOnTime: 5, due: 4 }), 'VALIDATION')
  })
})

describe('formatPercent', () => {
  it.each([
    [0.937242798, 2, '93.72%'],
    [0.758230453, 2, '75.82%'],
    [1, 2, '100.00%'],
    [0, 2, '0.00%'],
    [0.12345, 2, '12.35%'],
    [0.5, 0, '50%'],
    [null, 2, '—'],
  ])('%d with %d decimals → %s', (ratio, decimals, text) => {
    expect(formatPercent(ratio, decimals)).toBe(text)
  })
})

describe('Xuchang, January 2022 (DOMAIN.md §2.1)', () => {
  // Only 应结案 14,577 and the two rates are published; 12,418 and 10,775 are the only whole
  // counts that print as 85.19 % and 73.92 %, so the formulas must reproduce the bulletin.
  it('reproduces the published rates', () => {
    expect(formatPercent(closureRate({ closed: 12_418, due: 14_577 }))).toBe('85.19%')
    expect(formatPercent(onTimeClosureRate({ closedOnTime: 10_775, due: 14_577 }))).toBe('73.92%')
    expect(formatPercent(closureRate({ closed: 12_417, due: 14_577 }))).not.toBe('85.19%')
  })
})

describe('reworkRate, returnRate, averageHandlingHours', () => {
  it('divides by 应结案 and by 派遣', () => {
    expect(reworkRate({ reworked: 3, due: 12 })).toBe(0.25)
    expect(returnRate({ returned: 1, dispatched: 8 })).toBe(0.125)
    expect(reworkRate({ reworked: 0, due: 0 })).toBeNull()
    expect(returnRate({ returned: 0, dispatched: 0 })).toBeNull()
  })

  it('rejects counts larger than their base', () => {
    expectDomainError(() => reworkRate({ reworked: 2, due: 1 }), 'VALIDATION')
    expectDomainError(() => returnRate({ returned: 2, dispatched: 1 }), 'VALIDATION')
  })

  it('averages handling hours to 0.1 h', () => {
    expect(averageHandlingHours({ totalHours: 10, cases: 3 })).toBe(3.3)
    expect(averageHandlingHours({ totalHours: 0, cases: 0 })).toBeNull()
    expectDomainError(() => averageHandlingHours({ totalHours: -1, cases: 1 }), 'VALIDATION')
  })
})
