import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import {
  AQI_LEVELS,
  BREAKPOINT_INDICATORS,
  HJ633_2012_BREAKPOINTS,
  HJ633_2026_BREAKPOINTS,
  aqiLevelInfo,
  aqiStandardAt,
} from './index'

describe('breakpoint tables', () => {
  it.each(BREAKPOINT_INDICATORS)('%s rows increase strictly in both standards', (key) => {
    const rows: readonly (readonly (number | null)[])[] = [
      HJ633_2012_BREAKPOINTS[key],
      HJ633_2026_BREAKPOINTS[key],
    ]
    for (const row of rows) {
      const defined = row.filter((v): v is number => v !== null)
      expect(row).toHaveLength(8)
      for (let i = 1; i < defined.length; i++) {
        expect(defined[i]).toBeGreaterThan(defined[i - 1] ?? Number.POSITIVE_INFINITY)
      }
    }
  })

  it('2026 differs from 2012 only in the PM2.5 and PM10 24-hour rows', () => {
    const changed = BREAKPOINT_INDICATORS.filter(
      (k) =>
        JSON.stringify(HJ633_2012_BREAKPOINTS[k]) !== JSON.stringify(HJ633_2026_BREAKPOINTS[k]),
    )
    expect(changed).toEqual(['pm10_24h', 'pm25_24h'])
    expect(HJ633_2026_BREAKPOINTS.pm25_24h).toEqual([0, 35, 60, 115, 150, 250, 350, 500])
    expect(HJ633_2026_BREAKPOINTS.pm10_24h).toEqual([0, 50, 120, 250, 350, 420, 500, 600])
  })
})

describe('aqiLevelInfo (Appendix A)', () => {
  it.each([
    [0, 1, '#00E400'],
    [50, 1, '#00E400'],
    [51, 2, '#FFFF00'],
    [100, 2, '#FFFF00'],
    [101, 3, '#FF7E00'],
    [150, 3, '#FF7E00'],
    [151, 4, '#FF0000'],
    [200, 4, '#FF0000'],
    [201, 5, '#99004C'],
    [300, 5, '#99004C'],
    [301, 6, '#7E0023'],
    [500, 6, '#7E0023'],
  ])('AQI %d → level %d %s', (aqi, level, color) => {
    expect(aqiLevelInfo(aqi)).toMatchObject({ level, color })
  })

  it('lists the six categories in order', () => {
    expect(AQI_LEVELS.map((l) => l.category)).toEqual([
      '优',
      '良',
      '轻度污染',
      '中度污染',
      '重度污染',
      '严重污染',
    ])
  })
})

describe('aqiStandardAt', () => {
  it.each([
    ['2014-05-01T00:00:00+08:00', 'HJ633-2012'],
    ['2026-02-28T23:59:59+08:00', 'HJ633-2012'],
    ['2026-02-28T15:59:59Z', 'HJ633-2012'],
    ['2026-02-28T16:00:00Z', 'HJ633-2026'], // = 2026-03-01 00:00 Beijing time
    ['2026-03-01T00:00:00+08:00', 'HJ633-2026'],
    ['2030-01-01T00:00:00+08:00', 'HJ633-2026'],
  ])('%s → %s', (at, standard) => {
    expect(aqiStandardAt(at)).toBe(standard)
  })

  it('rejects a date without time or offset', () => {
    expectDomainError(() => aqiStandardAt('2026-03-01'), 'VALIDATION')
  })
})
