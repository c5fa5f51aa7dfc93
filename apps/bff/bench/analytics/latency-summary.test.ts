import { describe, expect, it } from 'vitest'
import { nearestRank, summarizeLatency } from './latency-summary'

describe('nearestRank', () => {
  it.each([
    { values: [5, 1, 4, 2, 3], q: 0.5, expected: 3 },
    { values: [1, 2, 3, 4], q: 0.5, expected: 2 },
    { values: Array.from({ length: 20 }, (_, i) => 20 - i), q: 0.95, expected: 19 },
    { values: Array.from({ length: 200 }, (_, i) => i + 1), q: 0.95, expected: 190 },
    { values: [7], q: 0.95, expected: 7 },
    { values: [3, 9, 1], q: 1, expected: 9 },
  ])('$q of $values.length samples is $expected', ({ values, q, expected }) => {
    expect(nearestRank(values, q)).toBe(expected)
  })

  it('is NaN without samples and refuses a quantile outside (0, 1]', () => {
    expect(nearestRank([], 0.5)).toBeNaN()
    expect(() => nearestRank([1], 0)).toThrow()
    expect(() => nearestRank([1], 1.5)).toThrow()
  })

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2]
    nearestRank(values, 0.5)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('summarizeLatency', () => {
  it('reports the count, p50, p95 and max', () => {
    const ms = Array.from({ length: 100 }, (_, i) => (i + 1) / 10)
    expect(summarizeLatency(ms)).toEqual({ samples: 100, p50: 5, p95: 9.5, max: 10 })
  })
})
