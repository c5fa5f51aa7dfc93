import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { computeAqi } from './index'
import type { AqiConcentrations } from './index'

const daily2012 = { standard: 'HJ633-2012', report: 'daily' } as const
const hourly2012 = { standard: 'HJ633-2012', report: 'hourly' } as const

describe('computeAqi: single-pollutant boundaries (daily, HJ633-2012)', () => {
  it.each([
    [{ pm25: 0 }, 0, 1, '优', []],
    [{ pm25: 35 }, 50, 1, '优', []], // a breakpoint maps to the lower band's top
    [{ pm25: 36 }, 52, 2, '良', ['pm25']], // 51.25 → 52: ceil, not round
    [{ pm25: 75 }, 100, 2, '良', ['pm25']],
    [{ pm25: 76 }, 102, 3, '轻度污染', ['pm25']], // 101.25 → 102
    [{ pm25: 150 }, 200, 4, '中度污染', ['pm25']],
    [{ pm25: 250 }, 300, 5, '重度污染', ['pm25']],
    [{ pm25: 251 }, 301, 6, '严重污染', ['pm25']],
    [{ pm25: 500 }, 500, 6, '严重污染', ['pm25']],
    [{ co: 4 }, 100, 2, '良', ['co']],
    [{ o3_8h: 160 }, 100, 2, '良', ['o3_8h']],
  ] as [AqiConcentrations, number, number, string, string[]][])(
    '%j → AQI %d, level %d %s',
    (input, aqi, level, category, primary) => {
      const r = computeAqi(input, daily2012)
      expect(r).toMatchObject({ aqi, level, category, primaryPollutants: primary })
    },
  )

  // Exact decimal results that binary floating point lands just above (55.00000000000001).
  it.each([
    [{ co: 2.2 }, 55, daily2012],
    [{ pm25: 4.9 }, 7, daily2012],
    [{ co: 1.1 }, 11, hourly2012],
  ] as const)('%j → %d: floating-point noise is not rounded up', (input, aqi, options) => {
    expect(computeAqi(input, options).aqi).toBe(aqi)
  })

  it('caps an IAQI above the top breakpoint at 500 (PM2.5 = 600)', () => {
    const r = computeAqi({ pm25: 600, pm10: 100 }, daily2012)
    expect(r).toMatchObject({
      aqi: 500,
      level: 6,
      color: '#7E0023',
      categoryEn: 'Severely polluted',
    })
    expect(r.iaqi.pm25).toBe(500)
    expect(r.notes).toEqual([{ code: 'cappedAt500', pollutant: 'pm25' }])
  })

  it('names every pollutant tied at the maximum as primary', () => {
    const r = computeAqi({ pm25: 75, pm10: 150, no2: 40 }, daily2012)
    expect(r.aqi).toBe(100)
    expect(r.primaryPollutants).toEqual(['pm25', 'pm10'])
  })

  it('counts exceeding pollutants strictly above 100', () => {
    const r = computeAqi({ pm25: 75, pm10: 151 }, daily2012)
    expect(r.exceedingPollutants).toEqual(['pm10'])
  })
})

describe('computeAqi: footnote rules', () => {
  it('SO₂ 1h = 900 with a 24h mean → SO₂ IAQI from the 24h table', () => {
    const r = computeAqi({ so2: 900, so2_24h: 300 }, hourly2012)
    // 24h table: 150 → 100, 475 → 150; 300 → 123.08 → 124.
    expect(r.iaqi).toEqual({ so2: 124 })
    expect(r).toMatchObject({ aqi: 124, primaryPollutants: ['so2'] })
    expect(r.notes).toEqual([{ code: 'so2FromDailyMean', pollutant: 'so2' }])
  })

  it('SO₂ 1h = 900 without a 24h mean → 200 as a lower bound, flagged', () => {
    const r = computeAqi({ so2: 900, pm25: 20 }, hourly2012)
    expect(r.iaqi.so2).toBe(200)
    expect(r.aqi).toBe(200)
    expect(r.notes).toEqual([{ code: 'so2CappedAt200', pollutant: 'so2' }])
  })

  it('SO₂ 1h = 800 still uses the 1-hour table', () => {
    expect(computeAqi({ so2: 800, so2_24h: 10 }, hourly2012).iaqi.so2).toBe(200)
  })

  it('O₃ 8h = 850 → no 8h IAQI; O₃ is reported from the 1-hour value', () => {
    const r = computeAqi({ o3_8h: 850, o3_1h: 900, pm25: 30 }, daily2012)
    // O₃ 1h table: 800 → 300, 1000 → 400; 900 → 350.
    expect(r.iaqi).toEqual({ pm25: 43, o3_1h: 350 })
    expect(r).toMatchObject({ aqi: 350, level: 6, primaryPollutants: ['o3_1h'] })
    expect(r.notes).toEqual([{ code: 'o3EightHourDropped', pollutant: 'o3_8h' }])
  })

  it('O₃ 8h = 850 without a 1-hour value → 300 as a lower bound, flagged', () => {
    const r = computeAqi({ o3_8h: 850 }, daily2012)
    expect(r.iaqi).toEqual({ o3_8h: 300 })
    expect(r.notes).toEqual([{ code: 'o3EightHourCappedAt300', pollutant: 'o3_8h' }])
  })
})

describe('computeAqi: daily vs hourly tables', () => {
  it.each([
    [{ so2: 150 }, 100, 50],
    [{ no2: 200 }, 160, 100],
    [{ co: 10 }, 130, 100],
    [{ pm10: 150 }, 100, 100], // PM uses the 24-hour table in both reports
    [{ o3_8h: 160 }, 100, 100],
  ] as [AqiConcentrations, number, number][])('%j: daily %d, hourly %d', (input, daily, hourly) => {
    expect(computeAqi(input, daily2012).aqi).toBe(daily)
    expect(computeAqi(input, hourly2012).aqi).toBe(hourly)
  })

  it('the 2026 PM tables apply to the hourly report too', () => {
    expect(computeAqi({ pm25: 60 }, { standard: 'HJ633-2026', report: 'hourly' }).aqi).toBe(100)
  })
})

describe('computeAqi: validation', () => {
  it.each([
    ['negative', { pm25: -1 }, daily2012],
    ['NaN', { pm25: Number.NaN }, daily2012],
    ['no keys', {}, daily2012],
    ['only the SO₂ fallback', { so2_24h: 10 }, hourly2012],
    ['unknown key', { pm1: 10 }, daily2012],
    ['so2_24h in a daily report', { so2: 10, so2_24h: 10 }, daily2012],
    ['unknown standard', { pm25: 10 }, { standard: 'HJ633-2099', report: 'daily' }],
    ['unknown report', { pm25: 10 }, { standard: 'HJ633-2012', report: 'weekly' }],
  ])('rejects %s', (_label, input, options) => {
    // Deliberately untyped input: JS callers and JSON bodies reach this function too.
    const call = computeAqi as (c: unknown, o: unknown) => unknown
    expectDomainError(() => call(input, options), 'VALIDATION')
  })
})
