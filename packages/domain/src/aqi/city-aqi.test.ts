import { describe, expect, it } from 'vitest'
import {
  cityMeanConcentrations,
  computeAqi,
  DAILY_MEAN_MIN_HOURS,
  isAssessableDay,
  stationDailyConcentrations,
} from './index'

describe('cityMeanConcentrations', () => {
  it('averages each pollutant over the stations that report it, rounded as HJ 633', () => {
    expect(
      cityMeanConcentrations([
        { pm25: 30, pm10: 100, co: 0.84 },
        { pm25: 31, co: 0.9 },
        { pm25: 35, pm10: 121 },
      ]),
    ).toEqual({ pm25: 32, pm10: 111, co: 0.9 })
  })

  it('is null without data', () => {
    expect(cityMeanConcentrations([])).toBeNull()
    expect(cityMeanConcentrations([{}])).toBeNull()
  })
})

describe('stationDailyConcentrations', () => {
  const full = (mean: number) => ({ mean, hours: 24 })
  it('builds the daily report inputs of vector V2 (DOMAIN.md §2.4) from aggregates', () => {
    const daily = stationDailyConcentrations({
      means: { pm25: full(129.6), pm10: full(180.2), so2: full(20), no2: full(60), co: full(1.62) },
      o3_1hMax: 90,
      o3_8hMax: 60,
    })
    expect(daily).toEqual({ pm25: 130, pm10: 180, so2: 20, no2: 60, co: 1.6, o3_1h: 90, o3_8h: 60 })
    expect(isAssessableDay(daily)).toBe(true)
    const result = computeAqi(daily, { standard: 'HJ633-2012', report: 'daily' })
    expect(result.aqi).toBe(172)
    expect(result.primaryPollutants).toEqual(['pm25'])
  })

  it(`drops a 24-hour mean with fewer than ${DAILY_MEAN_MIN_HOURS} hours, and the day is not judged`, () => {
    const daily = stationDailyConcentrations({
      means: {
        pm25: { mean: 40, hours: DAILY_MEAN_MIN_HOURS - 1 },
        pm10: { mean: 70, hours: DAILY_MEAN_MIN_HOURS },
        so2: full(8),
        no2: full(30),
        co: full(0.6),
      },
      o3_8hMax: 200,
    })
    expect(daily).toEqual({ pm10: 70, so2: 8, no2: 30, co: 0.6, o3_8h: 200 })
    expect(isAssessableDay(daily)).toBe(false)
  })
})
