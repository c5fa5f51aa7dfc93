import type { AqiConcentrations, AqiPollutant } from './concentrations'
import { AQI_POLLUTANTS } from './concentrations'

// GB 3095-2012 Table 4 (数据统计的有效性规定) as commonly cited [C]: a 24-hour mean of SO₂, NO₂,
// CO, PM10 or PM2.5 needs at least 20 hourly values in the day.
export const DAILY_MEAN_MIN_HOURS = 20

// HJ 633-2012 rounding as practised (DOMAIN.md §2.4): CO to 0.1 mg/m³, the others to 1 µg/m³.
const roundFor = (p: AqiPollutant, value: number) =>
  p === 'co' ? Math.round(value * 10) / 10 : Math.round(value)

/**
 * The city's concentrations: per pollutant, the arithmetic mean over the stations that report
 * it (HJ 663-2013 city assessment uses the mean of its 城市点 [U: standard as remembered]; the
 * caller leaves out 对照点 such as background sites). Null when no station reports anything.
 */
export function cityMeanConcentrations(
  stations: readonly AqiConcentrations[],
): AqiConcentrations | null {
  const city: AqiConcentrations = {}
  for (const p of AQI_POLLUTANTS) {
    const values = stations.flatMap((s) => (s[p] === undefined ? [] : [s[p]]))
    if (values.length > 0) city[p] = roundFor(p, values.reduce((a, b) => a + b, 0) / values.length)
  }
  return Object.keys(city).length > 0 ? city : null
}

/** One station-day of hourly readings, aggregated (by SQL or by hand). */
export interface StationDayAggregate {
  /** Mean and number of hourly values per 24-hour pollutant. */
  means: Partial<Record<'pm25' | 'pm10' | 'so2' | 'no2' | 'co', { mean: number; hours: number }>>
  /** The day's highest 1-hour O₃ and highest 8-hour moving mean of O₃ as reported hourly. */
  o3_1hMax?: number
  o3_8hMax?: number
}

/**
 * Daily-report inputs of one station-day (HJ 633-2012 daily report: 24-hour means, O₃ daily
 * maximum 1-hour and 8-hour). A 24-hour mean with fewer than DAILY_MEAN_MIN_HOURS values is
 * left out. Approximation: the O₃ 8-hour maximum is the maximum of the 8-hour moving means
 * the station reported each hour, not recomputed (GB 3095's 8-hour validity is not checked).
 */
export function stationDailyConcentrations(day: StationDayAggregate): AqiConcentrations {
  const daily: AqiConcentrations = {}
  for (const p of ['pm25', 'pm10', 'so2', 'no2', 'co'] as const) {
    const m = day.means[p]
    if (m && m.hours >= DAILY_MEAN_MIN_HOURS) daily[p] = roundFor(p, m.mean)
  }
  if (day.o3_1hMax !== undefined) daily.o3_1h = roundFor('o3_1h', day.o3_1hMax)
  if (day.o3_8hMax !== undefined) daily.o3_8h = roundFor('o3_8h', day.o3_8hMax)
  return daily
}

// HJ 663-2013 counts a day in the annual statistics only when all six pollutants have valid
// daily values [U: standard as remembered]; O₃ enters through its 8-hour daily maximum.
const DAILY_INDICATORS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_8h'] as const

/** Whether a city day has every daily indicator, so its AQI may count towards 优良天数. */
export function isAssessableDay(daily: AqiConcentrations): boolean {
  return DAILY_INDICATORS.every((p) => daily[p] !== undefined)
}
