import { describe, expect, it } from 'vitest'
import { DISTRICT_WEIGHTS, HOUR_WEIGHTS, lookupTable } from './history-shape'

const countsOf = <T>(table: T[]) => {
  const counts = new Map<T, number>()
  for (const v of table) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

describe('lookupTable', () => {
  it('gives each value entries in proportion to its weight', () => {
    const table = lookupTable([
      ['a', 3],
      ['b', 1],
    ])
    expect(table).toHaveLength(1000)
    expect(countsOf(table)).toEqual(
      new Map([
        ['a', 750],
        ['b', 250],
      ]),
    )
  })

  it('adds up to the size exactly when the shares do not divide evenly', () => {
    const table = lookupTable(
      [
        ['x', 1],
        ['y', 1],
        ['z', 1],
      ],
      1000,
    )
    expect(table).toHaveLength(1000)
    const counts = [...countsOf(table).values()].sort()
    expect(counts).toEqual([333, 333, 334])
  })

  it('keeps a rare value with a positive weight and drops a zero weight', () => {
    const table = lookupTable(
      [
        ['common', 100_000],
        ['rare', 1],
        ['never', 0],
      ],
      100,
    )
    expect(table).toHaveLength(100)
    expect(table).toContain('rare')
    expect(table).not.toContain('never')
  })

  it('refuses weights that draw nothing', () => {
    expect(() => lookupTable([['a', 0]])).toThrow()
    expect(() =>
      lookupTable([
        ['a', -1],
        ['b', 2],
      ]),
    ).toThrow()
  })

  it('covers every hour of the day and every district', () => {
    expect(new Set(lookupTable(HOUR_WEIGHTS.map((w, h) => [h, w]))).size).toBe(24)
    expect(DISTRICT_WEIGHTS).toHaveLength(12)
  })
})
