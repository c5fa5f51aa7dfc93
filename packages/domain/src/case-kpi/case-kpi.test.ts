import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { closureRate, formatPercent, onTimeClosureRate } from './index'

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
