import { describe, expect, it } from 'vitest'
import {
  dayOfYear,
  hourIndex,
  isWeekday,
  localDayIndex,
  localDayOfWeek,
  localDayStart,
  localHour,
  localHourOfDay,
} from './local-time'

describe('Beijing local time', () => {
  it.each([
    ['2026-11-18T00:00:00Z', 8, 3], // Wednesday 08:00 local
    ['2026-11-18T16:30:00Z', 0, 4], // past local midnight: Thursday 00:30
    ['2026-11-21T23:59:00Z', 7, 0], // Sunday 07:59
  ])('%s → hour %d, weekday %d', (iso, hour, day) => {
    const at = new Date(iso)
    expect(localHour(at)).toBe(hour)
    expect(localDayOfWeek(at)).toBe(day)
  })

  it('gives fractional hours', () => {
    expect(localHourOfDay(new Date('2026-11-18T00:45:00Z'))).toBeCloseTo(8.75, 9)
  })

  it('counts the day of year in local time', () => {
    expect(dayOfYear(new Date('2026-01-01T00:00:00+08:00'))).toBe(1)
    expect(dayOfYear(new Date('2025-12-31T16:00:00Z'))).toBe(1) // already 1 January in Beijing
    expect(dayOfYear(new Date('2024-12-31T12:00:00+08:00'))).toBe(366)
  })

  it('local day index and start round-trip', () => {
    const at = new Date('2026-11-18T05:00:00+08:00')
    const start = localDayStart(localDayIndex(at))
    expect(start.toISOString()).toBe('2026-11-17T16:00:00.000Z')
    expect(localDayIndex(new Date(start.getTime() - 1))).toBe(localDayIndex(at) - 1)
  })

  it('hour buckets and weekdays', () => {
    expect(hourIndex(new Date(7_200_001))).toBe(2)
    expect(isWeekday(new Date('2026-11-20T12:00:00+08:00'))).toBe(true)
    expect(isWeekday(new Date('2026-11-21T12:00:00+08:00'))).toBe(false)
  })
})
