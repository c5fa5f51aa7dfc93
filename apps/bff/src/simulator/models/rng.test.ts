import { describe, expect, it } from 'vitest'
import { createRng, hashString, valueNoise } from './rng'

const draw = (seed: string, n = 5) => {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => rng.next())
}
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const variance = (xs: readonly number[]) => {
  const m = mean(xs)
  return mean(xs.map((x) => (x - m) ** 2))
}

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    expect(draw('demo')).toEqual(draw('demo'))
    expect(draw('demo')).not.toEqual(draw('demo2'))
    expect(createRng(42).next()).toBe(createRng('42').next())
  })

  it('stays within [0, 1)', () => {
    const xs = draw('range', 10_000)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    expect(mean(xs)).toBeCloseTo(0.5, 1)
  })

  it('forks depend on the label only, not on draws already made', () => {
    const a = createRng('city')
    const b = createRng('city')
    b.next()
    b.next()
    expect(a.fork('1316A').next()).toBe(b.fork('1316A').next())
    expect(a.fork('1316A').next()).not.toBe(a.fork('1317A').next())
    expect(a.fork('x').seed).toBe('city/x')
  })

  it('hashes nearby labels to unrelated values', () => {
    expect(hashString('L1')).not.toBe(hashString('L2'))
    expect(Math.abs(hashString('L1') - hashString('L2'))).toBeGreaterThan(1000)
  })
})

describe('distributions', () => {
  const rng = createRng('distributions')

  it('normal: mean and sd of 10,000 draws', () => {
    const xs = Array.from({ length: 10_000 }, () => rng.normal(10, 2))
    expect(mean(xs)).toBeCloseTo(10, 1)
    expect(Math.sqrt(variance(xs))).toBeCloseTo(2, 1)
  })

  it('uniform, int, chance and exponential', () => {
    const us = Array.from({ length: 10_000 }, () => rng.uniform(-3, 5))
    expect(Math.min(...us)).toBeGreaterThanOrEqual(-3)
    expect(mean(us)).toBeCloseTo(1, 1)
    const ints = new Set(Array.from({ length: 1000 }, () => rng.int(6)))
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5])
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.3)).filter(Boolean).length
    expect(hits / 10_000).toBeCloseTo(0.3, 1)
    expect(mean(Array.from({ length: 10_000 }, () => rng.exponential(4)))).toBeCloseTo(4, 0)
  })

  it.each([0.5, 4, 25, 200])('poisson(%d): mean ≈ variance ≈ λ', (lambda) => {
    const xs = Array.from({ length: 10_000 }, () => rng.poisson(lambda))
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true)
    expect(Math.abs(mean(xs) - lambda)).toBeLessThan(0.05 * lambda + 0.05)
    expect(Math.abs(variance(xs) - lambda)).toBeLessThan(0.1 * lambda + 0.1)
  })

  it('poisson rejects bad rates', () => {
    expect(rng.poisson(0)).toBe(0)
    expect(() => rng.poisson(-1)).toThrow(RangeError)
    expect(() => rng.poisson(Number.NaN)).toThrow(RangeError)
  })

  it('pick follows the weights and never returns a zero-weight item', () => {
    const items = [
      { value: 'a', weight: 1 },
      { value: 'b', weight: 3 },
      { value: 'never', weight: 0 },
    ]
    const picks = Array.from({ length: 8000 }, () => rng.pick(items))
    expect(picks.filter((p) => p === 'b').length / 8000).toBeCloseTo(0.75, 1)
    expect(picks).not.toContain('never')
    expect(() => rng.pick([{ value: 'x', weight: 0 }])).toThrow(RangeError)
  })
})

describe('valueNoise', () => {
  const rng = createRng('noise')
  const step = 60_000

  it('is stateless and continuous across knots', () => {
    expect(valueNoise(rng, 'k', 123_456, step)).toBe(
      valueNoise(createRng('noise'), 'k', 123_456, step),
    )
    const atKnot = valueNoise(rng, 'k', 5 * step, step)
    expect(valueNoise(rng, 'k', 5 * step - 1, step)).toBeCloseTo(atKnot, 6)
  })

  it('has roughly unit-scale spread', () => {
    const xs = Array.from({ length: 2000 }, (_, i) => valueNoise(rng, 'k', i * step * 1.5, step))
    const sd = Math.sqrt(variance(xs))
    expect(sd).toBeGreaterThan(0.6)
    expect(sd).toBeLessThan(1.1)
  })
})
