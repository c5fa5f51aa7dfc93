import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { NOISE_LIMITS_DBA, NOISE_ZONES, noiseExceedance, noisePeriodForHour } from './index'
import type { NoisePeriod, NoiseZone } from './index'

describe('GB 3096-2008 limits', () => {
  it.each([
    ['0', 50, 40],
    ['1', 55, 45],
    ['2', 60, 50],
    ['3', 65, 55],
    ['4a', 70, 55],
    ['4b', 70, 60],
  ] as const)('zone %s: day %d, night %d', (zone, day, night) => {
    expect(NOISE_LIMITS_DBA[zone]).toEqual({ day, night })
  })

  it('night is stricter than day in every zone', () => {
    for (const zone of NOISE_ZONES) {
      expect(NOISE_LIMITS_DBA[zone].night).toBeLessThan(NOISE_LIMITS_DBA[zone].day)
    }
  })
})

describe('noiseExceedance', () => {
  it.each([
    [55, '1', 'day', 0, false],
    [55.1, '1', 'day', 0.1, true],
    [60.3, '2', 'day', 0.3, true],
    [49.9, '2', 'night', 0, false],
    [58, '4a', 'night', 3, true],
    [58, '4b', 'night', 0, false],
    [72.46, '4a', 'day', 2.5, true],
    [0, '0', 'night', 0, false],
  ] as [number, NoiseZone, NoisePeriod, number, boolean][])(
    'Leq %d in zone %s (%s) → +%d dB, exceeded %s',
    (leq, zone, period, over, exceeded) => {
      const r = noiseExceedance(leq, zone, period)
      expect(r.exceedanceDb).toBe(over)
      expect(r.isExceeded).toBe(exceeded)
      expect(r.limitDbA).toBe(NOISE_LIMITS_DBA[zone][period])
    },
  )

  it.each([-1, Number.NaN, 250])('rejects Leq %d', (leq) => {
    expectDomainError(() => noiseExceedance(leq, '2', 'day'), 'VALIDATION')
  })

  it('rejects an unknown zone or period from untyped callers', () => {
    const call = noiseExceedance as (leq: number, zone: string, period: string) => unknown
    expectDomainError(() => call(50, '5', 'day'), 'VALIDATION')
    expectDomainError(() => call(50, '2', 'evening'), 'VALIDATION')
  })
})

describe('noisePeriodForHour', () => {
  it.each([
    [0, 'night'],
    [5, 'night'],
    [6, 'day'],
    [12, 'day'],
    [21, 'day'],
    [22, 'night'],
    [23, 'night'],
  ])('%d h → %s', (hour, period) => {
    expect(noisePeriodForHour(hour)).toBe(period)
  })

  it.each([-1, 24, 6.5])('rejects %d', (hour) => {
    expectDomainError(() => noisePeriodForHour(hour), 'VALIDATION')
  })
})
