import {
  AqiConcentrations,
  aqiStandardAt,
  cityMeanConcentrations,
  computeAqi,
  GOOD_AIR_DAYS_TARGET,
  isAssessableDay,
  stationDailyConcentrations,
  type StationDayAggregate,
  type WallAirKpis,
  type WallAirNow,
  type WallGoodDays,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { BEIJING_DATE, beijingDay, beijingYearStart } from './kpi-time'

// The city's figures come from its air stations minus the background/control site (对照点,
// e.g. 1324A 岗李水库), as HJ 663-2013 city assessment does [U: standard as remembered].
const CITY_STATIONS = sql`select code from stations where kind = 'air' and not is_background`

type GoodDays = z.infer<typeof WallGoodDays>

/**
 * Completed days change only when readings arrive late, and readings are insert-only: the
 * year's figure is kept per process and recomputed when the count of city-station readings
 * in the counted range moves (an index-only count instead of the whole year's jsonb).
 */
export interface GoodDaysCache {
  key: string | null
  value: GoodDays | null
}

export const createGoodDaysCache = (): GoodDaysCache => ({ key: null, value: null })

export async function airKpis(
  tx: Executor,
  now: Date,
  cache: GoodDaysCache,
): Promise<z.infer<typeof WallAirKpis>> {
  return { now: await airNow(tx, now), goodDays: await cachedGoodDays(tx, now, cache) }
}

async function cachedGoodDays(tx: Executor, now: Date, cache: GoodDaysCache) {
  const today = beijingDay(now)
  const from = beijingYearStart(today.year)
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from env_readings
        where station_code in (${CITY_STATIONS})
          and observed_at >= ${from.toISOString()}::timestamptz
          and observed_at < ${today.start.toISOString()}::timestamptz`,
  )
  const key = `${today.start.toISOString()}|${row?.n ?? 0}`
  if (cache.key === key && cache.value) return cache.value
  const value = await goodDays(tx, now)
  Object.assign(cache, { key, value })
  return value
}

/** City AQI of the latest hour with city-station data: hourly report on the city means. */
async function airNow(tx: Executor, now: Date): Promise<z.infer<typeof WallAirNow> | null> {
  const rows = await queryRows<{ station_code: string; hour: string; concentrations: unknown }>(
    tx,
    sql`with city as (${CITY_STATIONS}),
        latest as (
          select date_trunc('hour', max(r.observed_at)) as hour
          from city c cross join lateral (
            select observed_at from env_readings r
            where r.station_code = c.code and r.observed_at <= ${now.toISOString()}::timestamptz
            order by observed_at desc limit 1) r)
        select r.station_code, to_json(l.hour) #>> '{}' as hour, r.concentrations
        from env_readings r join city c on c.code = r.station_code cross join latest l
        where r.observed_at >= l.hour and r.observed_at < l.hour + interval '1 hour'
          and r.concentrations is not null`,
  )
  const first = rows[0]
  if (!first) return null
  const byStation = new Map<string, AqiConcentrations[]>()
  for (const r of rows) {
    const parsed = AqiConcentrations.safeParse(r.concentrations)
    if (parsed.success)
      byStation.set(r.station_code, [...(byStation.get(r.station_code) ?? []), parsed.data])
  }
  // two sources for one station-hour count once: the station's mean first, then the city's
  const stations = [...byStation.values()].flatMap((list) => {
    const mean = cityMeanConcentrations(list)
    return mean ? [mean] : []
  })
  const city = cityMeanConcentrations(stations)
  if (!city) return null
  const observedAt = new Date(first.hour).toISOString()
  const standard = aqiStandardAt(observedAt)
  const result = computeAqi(city, { standard, report: 'hourly' })
  return {
    observedAt,
    aqi: result.aqi,
    level: result.level,
    category: result.category,
    categoryEn: result.categoryEn,
    color: result.color,
    primaryPollutants: result.primaryPollutants,
    standard,
    stations: stations.length,
  }
}

type DayRow = {
  station_code: string
  day: string
  o3_1h: number | null
  o3_8h: number | null
} & Record<`${'pm25' | 'pm10' | 'so2' | 'no2' | 'co'}${'' | '_n'}`, number | null>

const DAILY_MEANS = ['pm25', 'pm10', 'so2', 'no2', 'co'] as const

/**
 * 优良天数 this year: completed Beijing days whose city daily AQI ≤ 100 (HJ 633-2012 daily
 * report, 24-hour means). Approximation: daily values are built from the stored hourly
 * readings (hour means per station, ≥ 20 hours per 24-hour mean, O₃ 8-hour maximum from the
 * hourly-reported 8-hour means), then averaged over city stations — not CNEMC's published
 * daily values. Today is left out until it is complete.
 */
async function goodDays(tx: Executor, now: Date): Promise<GoodDays> {
  const today = beijingDay(now)
  const from = beijingYearStart(today.year)
  const num = (key: string) => sql.raw(`(concentrations->>'${key}')::float8`)
  const rows = await queryRows<DayRow>(
    tx,
    sql`with hourly as (
          select station_code, observed_at,
            ${sql.join(
              [...DAILY_MEANS, 'o3_1h', 'o3_8h'].map((p) => sql`avg(${num(p)}) as ${sql.raw(p)}`),
              sql`, `,
            )}
          from env_readings
          where station_code in (${CITY_STATIONS})
            and observed_at >= ${from.toISOString()}::timestamptz
            and observed_at < ${today.start.toISOString()}::timestamptz
            and concentrations is not null
          group by station_code, observed_at)
        select station_code, to_char(${sql.raw(BEIJING_DATE('observed_at'))}, 'YYYY-MM-DD') as day,
          ${sql.join(
            DAILY_MEANS.map((p) => sql.raw(`avg(${p}) as ${p}, count(${p})::int as ${p}_n`)),
            sql`, `,
          )},
          max(o3_1h) as o3_1h, max(o3_8h) as o3_8h
        from hourly group by 1, 2`,
  )
  const days = new Map<string, z.infer<typeof AqiConcentrations>[]>()
  for (const r of rows) {
    const daily = stationDailyConcentrations(stationDay(r))
    days.set(r.day, [...(days.get(r.day) ?? []), daily])
  }
  let good = 0
  let assessed = 0
  for (const [day, stations] of days) {
    const city = cityMeanConcentrations(stations)
    if (!city || !isAssessableDay(city)) continue
    assessed++
    const standard = aqiStandardAt(`${day}T12:00:00+08:00`)
    if (computeAqi(city, { standard, report: 'daily' }).aqi <= 100) good++
  }
  return { year: today.year, goodDays: good, assessedDays: assessed, target: GOOD_AIR_DAYS_TARGET }
}

function stationDay(r: DayRow): StationDayAggregate {
  const means: StationDayAggregate['means'] = {}
  for (const p of DAILY_MEANS) {
    const mean = r[p]
    if (mean !== null) means[p] = { mean: Number(mean), hours: Number(r[`${p}_n`]) }
  }
  return {
    means,
    ...(r.o3_1h === null ? {} : { o3_1hMax: Number(r.o3_1h) }),
    ...(r.o3_8h === null ? {} : { o3_8hMax: Number(r.o3_8h) }),
  }
}
