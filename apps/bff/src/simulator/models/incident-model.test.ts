import { INCIDENT_CATEGORIES } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { CALL_SOURCES, DAILY_CALL_RATES } from './incident-tables'
import { callsBetween, expectedCallsPerHour } from './incident-model'
import { HOUR_MS, localHour } from './local-time'
import type { PointSampler } from './point-process'
import { createRng } from './rng'

const samplePoint: PointSampler = (kind, rng) =>
  kind === 'road' ? [113.6 + rng.uniform(0, 0.1), 34.75] : [113.6 + rng.uniform(0, 0.1), 34.8]
const rng = createRng('incident-test')
const wed = new Date('2026-11-18T00:00:00+08:00')
const plusHours = (d: Date, h: number) => new Date(d.getTime() + h * HOUR_MS)
const day = callsBetween(wed, plusHours(wed, 24), rng, { samplePoint })

describe('callsBetween over a weekday', () => {
  it.each(CALL_SOURCES)('source %s: count near the configured daily rate', (source) => {
    const n = day.filter((c) => c.value.source === source).length
    const rate = DAILY_CALL_RATES[source]
    // Poisson: ±4 sd plus a little for the normal approximation.
    expect(Math.abs(n - rate)).toBeLessThan(4 * Math.sqrt(rate) + 2)
  })

  it('is sorted, inside the window, with domain categories and sampled locations', () => {
    const times = day.map((c) => c.at.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(Math.min(...times)).toBeGreaterThanOrEqual(wed.getTime())
    expect(Math.max(...times)).toBeLessThan(plusHours(wed, 24).getTime())
    for (const c of day.slice(0, 200)) expect(INCIDENT_CATEGORIES).toContain(c.value.category)
    const accidents = day.filter((c) => c.value.category === 'trafficAccident')
    expect(accidents.every((c) => c.value.location[1] === 34.75)).toBe(true)
    expect(new Set(day.map((c) => c.key)).size).toBe(day.length)
  })

  it('is quiet at 03:00 and busy at 10:00; 122 peaks at rush hour', () => {
    const inHour = (h: number, source?: string) =>
      day.filter(
        (c) => localHour(c.at) === h && (source === undefined || c.value.source === source),
      ).length
    expect(inHour(3) * 3).toBeLessThan(inHour(10))
    expect(inHour(8, '122')).toBeGreaterThan(inHour(3, '122') * 5)
    expect(inHour(8, '122')).toBeGreaterThan(inHour(13, '122'))
  })

  it('grades: mostly Ⅳ, rarely Ⅲ, very rarely Ⅱ, never Ⅰ', () => {
    const week = callsBetween(wed, plusHours(wed, 7 * 24), rng, { samplePoint })
    const share = (g: string) => week.filter((c) => c.value.grade === g).length / week.length
    expect(share('IV')).toBeGreaterThan(0.97)
    expect(share('III')).toBeGreaterThan(0.005)
    expect(share('III')).toBeLessThan(0.03)
    expect(share('II')).toBeLessThan(0.003)
    expect(share('I')).toBe(0)
    const escalated = week.filter((c) => c.value.escalation !== null)
    expect(escalated.length).toBeGreaterThan(0)
    for (const c of escalated)
      expect(c.value.escalation?.at.getTime()).toBeGreaterThan(c.at.getTime())
  })
})

describe('callsBetween determinism and options', () => {
  it('gives the same calls for the same seed, whatever the slicing', () => {
    const whole = callsBetween(plusHours(wed, 9), plusHours(wed, 11), rng, { samplePoint })
    const sliced = [0, 0.5, 1.25].flatMap((h, i, a) =>
      callsBetween(
        plusHours(wed, 9 + h),
        plusHours(wed, 9 + (a[i + 1] ?? 2)),
        createRng('incident-test'),
        { samplePoint },
      ),
    )
    expect(sliced).toEqual(whole)
    const other = callsBetween(plusHours(wed, 9), plusHours(wed, 11), createRng('x'), {
      samplePoint,
    })
    expect(other).not.toEqual(whole)
  })

  it('scales, overrides rates and applies a multiplier', () => {
    const hour = plusHours(wed, 10)
    const base = expectedCallsPerHour('119', hour)
    expect(expectedCallsPerHour('119', hour, { scale: 0.1 })).toBeCloseTo(base / 10, 9)
    expect(expectedCallsPerHour('119', hour, { dailyRates: { '119': 80 } })).toBeCloseTo(
      base * 2,
      9,
    )
    expect(expectedCallsPerHour('119', hour, { rateMultiplier: () => 3 })).toBeCloseTo(base * 3, 9)
    const saturday = plusHours(wed, 3 * 24 + 10)
    expect(expectedCallsPerHour('12345', saturday)).toBeLessThan(
      expectedCallsPerHour('12345', hour),
    )
    const sum = Array.from({ length: 24 }, (_, h) => expectedCallsPerHour('120', plusHours(wed, h)))
    expect(sum.reduce((a, b) => a + b, 0)).toBeCloseTo(DAILY_CALL_RATES['120'], 6)
  })
})
