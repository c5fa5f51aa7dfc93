import { describe, expect, it } from 'vitest'
import { HOUR_MS } from './local-time'
import { createRng } from './rng'
import { ZHENGZHOU_RIVER_GAUGES, levelFromRain, waterLevel } from './water-model'
import type { RiverGauge } from './water-model'
import type { RainEvent } from './weather-model'

const gauge = ZHENGZHOU_RIVER_GAUGES.find((x) => x.code === 'JSH01')
const slow = ZHENGZHOU_RIVER_GAUGES.find((x) => x.code === 'JLH01')
const start = new Date('2025-07-20T08:00:00+08:00')
const storm = (totalMm: number): RainEvent => ({ start, durationH: 4, totalMm })
const hoursAfter = (h: number) => new Date(start.getTime() + h * HOUR_MS)
const level = (x: RiverGauge, h: number, mm: number) =>
  levelFromRain(x, hoursAfter(h), [storm(mm)]).levelM

describe('levelFromRain', () => {
  if (gauge === undefined || slow === undefined) throw new Error('fixture gauges')

  it('rises during and after the rain, then recedes towards base', () => {
    const before = level(gauge, -1, 40)
    const peakHour = Array.from({ length: 48 }, (_, h) => h).reduce((best, h) =>
      level(gauge, h, 40) > level(gauge, best, 40) ? h : best,
    )
    expect(peakHour).toBeGreaterThanOrEqual(4)
    expect(peakHour).toBeLessThanOrEqual(7)
    expect(level(gauge, peakHour, 40)).toBeGreaterThan(before + 1)
    expect(level(gauge, peakHour + 24, 40)).toBeLessThan(before + 0.2)
  })

  it('a big storm crosses the warning level; a shower does not', () => {
    const peak = (mm: number) =>
      Math.max(...Array.from({ length: 48 }, (_, h) => level(gauge, h, mm)))
    expect(peak(80)).toBeGreaterThanOrEqual(gauge.warningLevelM)
    expect(levelFromRain(gauge, hoursAfter(6), [storm(80)]).isAboveWarning).toBe(true)
    expect(peak(8)).toBeLessThan(gauge.warningLevelM)
  })

  it('a large river peaks later and recedes more slowly', () => {
    const peakHour = (x: RiverGauge) =>
      Array.from({ length: 72 }, (_, h) => h).reduce((best, h) =>
        level(x, h, 40) > level(x, best, 40) ? h : best,
      )
    expect(peakHour(slow)).toBeGreaterThan(peakHour(gauge) + 4)
  })

  it('sits higher in summer than in winter with no rain', () => {
    const july = levelFromRain(gauge, new Date('2025-07-15T12:00:00+08:00'), []).levelM
    const january = levelFromRain(gauge, new Date('2025-01-15T12:00:00+08:00'), []).levelM
    expect(july).toBeGreaterThan(january)
    expect(january).toBeCloseTo(gauge.baseLevelM, 1)
  })
})

describe('waterLevel', () => {
  if (gauge === undefined) throw new Error('fixture gauge')
  const rng = createRng('water-test')

  it('is deterministic and follows the simulated rain over a summer', () => {
    const jun1 = new Date('2025-06-01T00:00:00+08:00').getTime()
    const levels = Array.from({ length: 92 * 24 }, (_, h) =>
      waterLevel(gauge, new Date(jun1 + h * HOUR_MS), rng),
    )
    expect(waterLevel(gauge, new Date(jun1), createRng('water-test'))).toEqual(levels[0])
    expect(levels.some((l) => l.rainRiseM > 0.3)).toBe(true)
    expect(Math.min(...levels.map((l) => l.levelM))).toBeGreaterThan(gauge.baseLevelM - 0.05)
    expect(levels.filter((l) => l.isAboveWarning).length).toBeLessThan(levels.length * 0.05)
    expect(levels.every((l) => l.warningLevelM === gauge.warningLevelM)).toBe(true)
  })
})
