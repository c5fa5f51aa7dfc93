import { arterialAverageSpeed } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { createRng } from './rng'
import { FREE_FLOW_KMH, linkSpeed, networkSpeeds } from './traffic-model'
import type { Disruption, RoadLink } from './traffic-model'

const rng = createRng('traffic-test')
const arterials: RoadLink[] = Array.from({ length: 200 }, (_, i) => ({
  id: `A${i}`,
  roadClass: 'arterial',
  lengthM: 200 + (i % 7) * 150,
  // A line of links 100 m apart running east along latitude 34.75.
  position: [113.6 + i * 0.0011, 34.75],
}))
// 2026-11-18 is a Wednesday, 2026-11-21 a Saturday.
const local = (isoLocal: string) => new Date(`${isoLocal}+08:00`)
const average = (at: Date, options = {}) =>
  arterialAverageSpeed(networkSpeeds(arterials, at, rng, options)) ?? Number.NaN

describe('linkSpeed', () => {
  it('uses class free-flow defaults and the domain congestion level', () => {
    const s = linkSpeed(
      { id: 'x', roadClass: 'expressway', lengthM: 900 },
      local('2026-11-18T03:00'),
      rng,
    )
    expect(s.freeFlowKmh).toBe(FREE_FLOW_KMH.expressway)
    expect(s.speedKmh).toBeGreaterThan(60)
    expect([1, 2]).toContain(s.congestionLevel)
  })

  it('is a pure function of seed, link and instant', () => {
    const at = local('2026-11-18T08:10')
    const link = arterials[3] ?? arterials[0]
    if (link === undefined) throw new Error('fixture')
    const again = linkSpeed(link, at, createRng('traffic-test'))
    expect(linkSpeed(link, at, rng)).toEqual(again)
    expect(linkSpeed(link, at, createRng('other seed')).speedKmh).not.toBe(again.speedKmh)
  })

  it('respects an explicit free-flow speed', () => {
    const s = linkSpeed(
      { id: 'y', roadClass: 'branch', lengthM: 300, freeFlowKmh: 20 },
      local('2026-11-18T02:00'),
      rng,
    )
    expect(s.speedKmh).toBeLessThan(24)
  })
})

describe('daily pattern', () => {
  it('weekday 08:00 is clearly slower than 02:00', () => {
    expect(average(local('2026-11-18T08:00'))).toBeLessThan(average(local('2026-11-18T02:00')) - 12)
  })

  it('the evening peak is worse than the morning peak', () => {
    expect(average(local('2026-11-18T18:15'))).toBeLessThan(average(local('2026-11-18T08:00')) - 2)
  })

  it('weekend 08:00 is faster than weekday 08:00', () => {
    expect(average(local('2026-11-21T08:00'))).toBeGreaterThan(
      average(local('2026-11-18T08:00')) + 10,
    )
  })

  it('a holiday override makes a Wednesday behave like a weekend', () => {
    const holiday = { isWorkday: () => false }
    const at = local('2026-11-18T08:00')
    // Same demand curve; only the per-minute wander differs between the two dates.
    expect(Math.abs(average(at, holiday) - average(local('2026-11-21T08:00')))).toBeLessThan(2)
  })

  it('the weekday arterial average sits around the 40 km/h target', () => {
    const hourly = Array.from({ length: 24 }, (_, h) =>
      average(local(`2026-11-18T${String(h).padStart(2, '0')}:00`)),
    )
    const mean = hourly.reduce((a, b) => a + b, 0) / 24
    expect(mean).toBeGreaterThan(37)
    expect(mean).toBeLessThan(44)
    expect(hourly.filter((v) => v > 40).length).toBeGreaterThanOrEqual(6)
    expect(Math.min(...hourly)).toBeLessThan(30)
  })
})

describe('disruptions', () => {
  const at = local('2026-11-18T11:00')
  const crash: Disruption = {
    position: [113.6, 34.75],
    start: local('2026-11-18T10:30'),
    end: local('2026-11-18T12:00'),
    radiusM: 500,
    severity: 0.7,
  }
  const near = arterials[1]
  const far = arterials[100]

  it('slows links near the incident and leaves far ones alone', () => {
    if (near === undefined || far === undefined) throw new Error('fixture')
    const options = { disruptions: [crash] }
    expect(linkSpeed(near, at, rng, options).speedKmh).toBeLessThan(
      linkSpeed(near, at, rng).speedKmh * 0.5,
    )
    expect(linkSpeed(far, at, rng, options)).toEqual(linkSpeed(far, at, rng))
  })

  it('has no effect outside its time window', () => {
    if (near === undefined) throw new Error('fixture')
    const later = local('2026-11-18T12:30')
    expect(linkSpeed(near, later, rng, { disruptions: [crash] })).toEqual(
      linkSpeed(near, later, rng),
    )
  })
})
