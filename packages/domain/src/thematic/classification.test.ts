import { describe, expect, it } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { classCounts, classOf, classify, withinClassSquaredDeviation } from './classification'

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

describe('equal interval', () => {
  it('cuts 1…10 into 5 intervals of width 1.8', () => {
    // (10 − 1) / 5 = 1.8 → 1 + 1.8 = 2.8, 1 + 3.6 = 4.6, 1 + 5.4 = 6.4, 1 + 7.2 = 8.2, 10
    const { breaks, classes } = classify(ONE_TO_TEN, 'equal', 5)
    expect(classes).toBe(5)
    ;[2.8, 4.6, 6.4, 8.2, 10].forEach((b, i) => expect(breaks[i]).toBeCloseTo(b, 12))
    expect(breaks[4]).toBe(10)
    // 1,2 ≤ 2.8 | 3,4 ≤ 4.6 | 5,6 ≤ 6.4 | 7,8 ≤ 8.2 | 9,10
    expect(classCounts(ONE_TO_TEN, breaks)).toEqual([2, 2, 2, 2, 2])
  })

  it('keeps empty classes: the intervals come from the range, not the values', () => {
    // (10 − 0) / 4 = 2.5 → 2.5, 5, 7.5, 10; 0 is in the first class, 10 in the last
    const { breaks } = classify([10, 0], 'equal', 4)
    expect(breaks).toEqual([2.5, 5, 7.5, 10])
    expect(classCounts([10, 0], breaks)).toEqual([1, 0, 0, 1])
  })

  it('gives one class when every value is the same', () => {
    expect(classify([5, 5, 5], 'equal', 4)).toEqual({ method: 'equal', classes: 1, breaks: [5] })
  })
})

describe('quantile', () => {
  it('puts two of 1…10 in each of 5 classes', () => {
    // n = 10, k = 5: ranks ceil(i·10/5) = 2, 4, 6, 8 → values 2, 4, 6, 8; last = max 10
    const { breaks } = classify(ONE_TO_TEN, 'quantile', 5)
    expect(breaks).toEqual([2, 4, 6, 8, 10])
    expect(classCounts(ONE_TO_TEN, breaks)).toEqual([2, 2, 2, 2, 2])
  })

  it('splits 1…10 into 3 classes as 4, 3, 3', () => {
    // ranks ceil(10/3) = ceil(3.33) = 4 and ceil(20/3) = ceil(6.67) = 7 → values 4 and 7
    const { breaks } = classify([...ONE_TO_TEN].reverse(), 'quantile', 3)
    expect(breaks).toEqual([4, 7, 10])
    expect(classCounts(ONE_TO_TEN, breaks)).toEqual([4, 3, 3])
  })

  it('splits 7 values into 4 classes as 2, 2, 2, 1', () => {
    // n = 7: ranks ceil(7/4) = 2, ceil(14/4) = 4, ceil(21/4) = 6 → 20, 40, 60; last = 70
    const values = [70, 10, 40, 30, 60, 20, 50]
    const { breaks } = classify(values, 'quantile', 4)
    expect(breaks).toEqual([20, 40, 60, 70])
    expect(classCounts(values, breaks)).toEqual([2, 2, 2, 1])
  })

  it('merges repeated breaks when ties fill several quantiles', () => {
    // sorted [1,1,1,1,2,3], n = 6, k = 3: ranks 2 and 4 are both 1 → breaks 1, 1, 3 → [1, 3]
    const values = [3, 1, 1, 2, 1, 1]
    const result = classify(values, 'quantile', 3)
    expect(result).toEqual({ method: 'quantile', classes: 2, breaks: [1, 3] })
    expect(classCounts(values, result.breaks)).toEqual([4, 2])
  })
})

describe('Jenks natural breaks', () => {
  it('finds the three obvious clusters', () => {
    // [1,2,3] [10,11,12] [30,31]: deviations 2 + 2 + 0.5 = 4.5; no other cut comes close
    const values = [31, 1, 12, 2, 30, 3, 11, 10]
    const { breaks } = classify(values, 'jenks', 3)
    expect(breaks).toEqual([3, 12, 31])
    expect(withinClassSquaredDeviation(values, breaks)).toBeCloseTo(4.5, 12)
  })

  it('splits 4, 5, 9, 10 into two classes as every cut shows', () => {
    // {4} {5,9,10}: 0 + (25+81+100 − 24²/3 = 206 − 192) = 14
    // {4,5} {9,10}: 0.5 + 0.5 = 1   ← least
    // {4,5,9} {10}: (16+25+81 − 18²/3 = 122 − 108) + 0 = 14
    expect(classify([4, 5, 9, 10], 'jenks', 2).breaks).toEqual([5, 10])
  })

  it('splits 0, 1, 3, 6, 10 into two classes after {0,1,3}', () => {
    // {0} {1,3,6,10}: mean 5 → 16+4+1+25 = 46
    // {0,1} {3,6,10}: 0.5 + (mean 19/3 → (100+1+121)/9 = 24.67) = 25.17
    // {0,1,3} {6,10}: (mean 4/3 → (16+1+25)/9 = 4.67) + 8 = 12.67   ← least
    // {0,1,3,6} {10}: mean 2.5 → 6.25+2.25+0.25+12.25 = 21
    const values = [0, 1, 3, 6, 10]
    const { breaks } = classify(values, 'jenks', 2)
    expect(breaks).toEqual([3, 10])
    expect(withinClassSquaredDeviation(values, breaks)).toBeCloseTo(38 / 3, 12)
  })

  it('never puts equal values in two classes', () => {
    // [1,1,1] [2,2,9]: 0 + (4+4+81 − 13²/3 = 89 − 56.33) = 32.67
    // [1,1,1,2,2] [9]: (3+8 − 7²/5 = 11 − 9.8) + 0 = 1.2   ← least
    expect(classify([1, 2, 1, 9, 2, 1], 'jenks', 2).breaks).toEqual([2, 9])
  })

  it('gives each distinct value its own class when there are too few of them', () => {
    expect(classify([7, 5, 5], 'jenks', 4)).toEqual({ method: 'jenks', classes: 2, breaks: [5, 7] })
  })
})

describe('manual breaks', () => {
  it('appends the maximum when the last break is below it', () => {
    // 1,2,3 ≤ 3 | 4,5,6 ≤ 6 | 7…10
    const result = classify(ONE_TO_TEN, 'manual', 5, [3, 6])
    expect(result).toEqual({ method: 'manual', classes: 3, breaks: [3, 6, 10] })
    expect(classCounts(ONE_TO_TEN, result.breaks)).toEqual([3, 3, 4])
  })

  it('keeps breaks above the maximum (their classes are empty)', () => {
    const { breaks } = classify(ONE_TO_TEN, 'manual', 3, [3, 6, 12])
    expect(breaks).toEqual([3, 6, 12])
    expect(classCounts(ONE_TO_TEN, breaks)).toEqual([3, 3, 4])
  })

  it('returns the given breaks when there are no values', () => {
    expect(classify([], 'manual', 3, [10, 20]).breaks).toEqual([10, 20])
  })

  it('allows nine breaks that reach the maximum but not a tenth class', () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    expect(classify(ONE_TO_TEN, 'manual', 9, [...nine.slice(0, 8), 10]).classes).toBe(9)
    expectDomainError(() => classify(ONE_TO_TEN, 'manual', 9, nine), 'VALIDATION')
  })

  it.each([
    ['missing', undefined],
    ['empty', []],
    ['repeated', [3, 3]],
    ['descending', [5, 2]],
    ['not finite', [1, Number.NaN]],
    ['infinite', [1, Number.POSITIVE_INFINITY]],
  ])('rejects %s breaks', (_, breaks) => {
    expectDomainError(() => classify(ONE_TO_TEN, 'manual', 3, breaks), 'VALIDATION')
  })
})

describe('edge cases', () => {
  it.each(['quantile', 'jenks', 'equal'] as const)('%s: no values, no classes', (method) => {
    expect(classify([], method, 5)).toEqual({ method, classes: 0, breaks: [] })
  })

  it.each(['quantile', 'jenks', 'equal'] as const)('%s: one value, one class', (method) => {
    expect(classify([42], method, 5)).toEqual({ method, classes: 1, breaks: [42] })
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects the value %s',
    (bad) => {
      const error = expectDomainError(() => classify([1, bad, 3], 'quantile', 3), 'VALIDATION')
      expect(error.message).toContain('values at 1')
    },
  )

  it.each([1, 10, 2.5, Number.NaN])('rejects %s classes', (classes) => {
    expectDomainError(() => classify(ONE_TO_TEN, 'equal', classes), 'VALIDATION')
  })

  it('rejects an unknown method', () => {
    expectDomainError(() => classify(ONE_TO_TEN, 'kmeans' as never, 3), 'VALIDATION')
  })

  it('does not reorder the caller’s values', () => {
    const values = [3, 1, 2]
    classify(values, 'jenks', 2)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('classOf and classCounts', () => {
  const breaks = [2, 4, 6]
  it.each([
    [-100, 0],
    [2, 0],
    [2.0001, 1],
    [4, 1],
    [5, 2],
    [6, 2],
    [100, 2],
  ])('%s is in class %s', (value, expected) => {
    expect(classOf(value, breaks)).toBe(expected)
  })

  it('rejects a value that is not finite and an empty list of breaks', () => {
    expectDomainError(() => classOf(Number.NaN, breaks), 'VALIDATION')
    expectDomainError(() => classOf(1, []), 'VALIDATION')
  })

  it('counts every value once', () => {
    // ≤2: 1, 2 | ≤4: 3, 4 | ≤6 and above: 5, 6, 7, 8, 9, 10
    expect(classCounts(ONE_TO_TEN, breaks)).toEqual([2, 2, 6])
    expect(classCounts([], breaks)).toEqual([0, 0, 0])
  })
})
