import type { AqiConcentrations } from '@cityops/domain'
import type { AirReading } from './air-model'

/**
 * Daily-report inputs from one local day's hourly readings (HJ 633 daily report): 24-hour
 * means of PM2.5, PM10, SO₂, NO₂, CO; the day's maximum 1-hour and 8-hour O₃.
 */
export function dailyConcentrations(readings: readonly AirReading[]): AqiConcentrations {
  if (readings.length === 0) return {}
  const mean = (pick: (r: AirReading) => number) =>
    readings.reduce((sum, r) => sum + pick(r), 0) / readings.length
  return {
    pm25: Math.round(mean((r) => r.pm25)),
    pm10: Math.round(mean((r) => r.pm10)),
    so2: Math.round(mean((r) => r.so2)),
    no2: Math.round(mean((r) => r.no2)),
    co: Math.round(mean((r) => r.co) * 10) / 10,
    o3_1h: Math.max(...readings.map((r) => r.o3_1h)),
    o3_8h: Math.max(...readings.map((r) => r.o3_8h)),
  }
}

/** Mean of several stations' readings at one hour: the city value CNEMC publishes. */
export function cityMeanReading(readings: readonly AirReading[]): AirReading | null {
  if (readings.length === 0) return null
  const mean = (pick: (r: AirReading) => number, digits = 0) => {
    const f = 10 ** digits
    return Math.round((readings.reduce((sum, r) => sum + pick(r), 0) / readings.length) * f) / f
  }
  return {
    pm25: mean((r) => r.pm25),
    pm10: mean((r) => r.pm10),
    so2: mean((r) => r.so2),
    no2: mean((r) => r.no2),
    co: mean((r) => r.co, 1),
    o3_1h: mean((r) => r.o3_1h),
    o3_8h: mean((r) => r.o3_8h),
  }
}
