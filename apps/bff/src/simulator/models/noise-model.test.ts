import { NOISE_ZONES } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { HOUR_MS } from './local-time'
import { noiseLeq } from './noise-model'
import type { NoisePoint, NoiseReading } from './noise-model'
import { createRng } from './rng'

const rng = createRng('noise-test')
const start = new Date('2026-06-01T00:00:00+08:00').getTime()
const month = (point: NoisePoint): NoiseReading[] =>
  Array.from({ length: 30 * 24 }, (_, h) => noiseLeq(point, new Date(start + h * HOUR_MS), rng))
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const share = (rs: readonly NoiseReading[]) => rs.filter((r) => r.isExceeded).length / rs.length

describe('noiseLeq', () => {
  it.each(NOISE_ZONES)(
    'zone %s: day louder than night, and mostly within the day limit',
    (zone) => {
      const readings = month({ code: `P${zone}`, zone })
      const day = readings.filter((r) => r.period === 'day')
      const night = readings.filter((r) => r.period === 'night')
      expect(mean(day.map((r) => r.leqDbA))).toBeGreaterThan(mean(night.map((r) => r.leqDbA)) + 5)
      expect(share(day)).toBeLessThan(0.2)
    },
  )

  it('a 4a traffic-zone point exceeds at night occasionally, not always', () => {
    const night = month({ code: 'road', zone: '4a' }).filter((r) => r.period === 'night')
    expect(share(night)).toBeGreaterThan(0.05)
    expect(share(night)).toBeLessThan(0.5)
    expect(night.find((r) => r.isExceeded)?.limitDbA).toBe(55)
  })

  it('a quiet residential point rarely exceeds at night', () => {
    const night = month({ code: 'home', zone: '1' }).filter((r) => r.period === 'night')
    expect(share(night)).toBeLessThan(0.2)
  })

  it('is a pure function of seed, point and hour, and applies the bias', () => {
    const at = new Date('2026-06-03T14:20:00+08:00')
    const p: NoisePoint = { code: 'x', zone: '2' }
    expect(noiseLeq(p, at, createRng('noise-test'))).toEqual(noiseLeq(p, at, rng))
    const sameHour = new Date('2026-06-03T14:55:00+08:00')
    expect(noiseLeq(p, sameHour, rng).leqDbA).toBe(noiseLeq(p, at, rng).leqDbA)
    expect(noiseLeq({ ...p, biasDb: 3 }, at, rng).leqDbA).toBeCloseTo(
      noiseLeq(p, at, rng).leqDbA + 3,
      5,
    )
  })
})
