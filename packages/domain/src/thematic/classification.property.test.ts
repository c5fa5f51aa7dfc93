import { describe, expect, it } from 'vitest'
import type { ClassificationMethod } from './classification'
import { classCounts, classOf, classify, withinClassSquaredDeviation } from './classification'

// fast-check is not a dependency: a seeded mulberry32 keeps failures reproducible.
function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Values of several shapes: small integers with ties, skewed rates, clusters, large offsets. */
function randomValues(r: () => number, maxLength: number): number[] {
  const n = Math.floor(r() * (maxLength + 1))
  const shape = Math.floor(r() * 4)
  return Array.from({ length: n }, () => {
    if (shape === 0) return Math.floor(r() * 8)
    if (shape === 1) return Math.round(-Math.log(1 - r()) * 1000) / 100
    if (shape === 2) return Math.floor(r() * 3) * 100 + r() * 5
    return 1_000_000 + r() * 10 - 5
  })
}

const AUTO: readonly Exclude<ClassificationMethod, 'manual'>[] = ['quantile', 'jenks', 'equal']
const close = (total: number) => 1e-9 * (1 + Math.abs(total))

describe('classification properties (seeded)', () => {
  it('breaks ascend, end at the maximum, and hold every value in exactly one class', () => {
    const r = rng(7)
    for (let run = 0; run < 200; run++) {
      const values = randomValues(r, 60)
      const k = 2 + Math.floor(r() * 8)
      for (const method of AUTO) {
        const { breaks, classes } = classify(values, method, k)
        expect(classes).toBe(breaks.length)
        expect(breaks.length).toBeLessThanOrEqual(k)
        breaks.forEach((b, i) => i > 0 && expect(b).toBeGreaterThan(breaks[i - 1] as number))
        if (values.length === 0) {
          expect(breaks).toEqual([])
          continue
        }
        expect(breaks[breaks.length - 1]).toBe(Math.max(...values))
        for (const v of values) {
          const c = classOf(v, breaks)
          expect(v).toBeLessThanOrEqual(breaks[c] as number)
          if (c > 0) expect(v).toBeGreaterThan(breaks[c - 1] as number)
        }
        const counts = classCounts(values, breaks)
        expect(counts.reduce((s, x) => s + x, 0)).toBe(values.length)
        // equal interval keeps k classes unless all values are equal
        if (method === 'equal' && new Set(values).size > 1) expect(classes).toBe(k)
        // quantile and Jenks never make an empty class; equal interval may
        if (method !== 'equal') expect(counts.every((x) => x > 0)).toBe(true)
      }
    }
  })

  it('quantile classes differ in size by at most one when values are distinct', () => {
    const r = rng(11)
    for (let run = 0; run < 200; run++) {
      const k = 2 + Math.floor(r() * 8)
      const n = k + Math.floor(r() * 50)
      const values = Array.from({ length: n }, (_, i) => i * 3 + r())
      const counts = classCounts(values, classify(values, 'quantile', k).breaks)
      expect(counts).toHaveLength(k)
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
    }
  })

  it('Jenks has no more within-class deviation than quantile or equal interval', () => {
    const r = rng(23)
    let strictlyBetter = 0
    for (let run = 0; run < 300; run++) {
      const values = randomValues(r, 80)
      const k = 2 + Math.floor(r() * 8)
      const jenks = withinClassSquaredDeviation(values, classify(values, 'jenks', k).breaks)
      for (const other of ['quantile', 'equal'] as const) {
        const ssd = withinClassSquaredDeviation(values, classify(values, other, k).breaks)
        expect(jenks).toBeLessThanOrEqual(ssd + close(ssd))
        if (jenks < ssd - close(ssd)) strictlyBetter++
      }
    }
    // the comparison is not vacuous: on most inputs Jenks is strictly tighter
    expect(strictlyBetter).toBeGreaterThan(100)
  })

  it('Jenks equals the best of all cuts found by brute force', () => {
    const r = rng(42)
    for (let run = 0; run < 150; run++) {
      const values = randomValues(r, 10)
      if (values.length === 0) continue
      const k = 2 + Math.floor(r() * 3)
      const jenks = withinClassSquaredDeviation(values, classify(values, 'jenks', k).breaks)
      const best = bruteForceBest(values, k)
      expect(jenks).toBeCloseTo(best, 6)
    }
  })
})

/** Least deviation over every choice of up to k − 1 cuts between distinct sorted values. */
function bruteForceBest(values: number[], k: number): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b)
  let best = Number.POSITIVE_INFINITY
  const choose = (start: number, picked: number[]) => {
    const breaks = [...picked, distinct[distinct.length - 1] as number]
    best = Math.min(best, withinClassSquaredDeviation(values, breaks))
    if (picked.length === k - 1) return
    for (let i = start; i < distinct.length - 1; i++)
      choose(i + 1, [...picked, distinct[i] as number])
  }
  choose(0, [])
  return best
}
