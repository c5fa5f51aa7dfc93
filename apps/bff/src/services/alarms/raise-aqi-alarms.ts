import { aqiAlarmTitle, aqiLevelInfo, isAlarmAqi, isAqiAlarmCrossing } from '@cityops/domain'
import type { Alarm } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { unnestRows } from '../../db/unnest-rows'
import type { NewAlarm } from './raise-alarm'
import { raiseAlarms } from './raise-alarms'

/** A reading just stored by the ingest transaction. */
export interface StoredAqiReading {
  stationCode: string
  /** ISO 8601 instant of the reading. */
  observedAt: string
  aqi: number | null
}

interface Row extends Record<string, unknown> {
  station_code: string
  observed_at: string
  name: string
  lng: number
  lat: number
  aqi: number
  prev_at: string | null
  prev_aqi: number | null
}

/**
 * At the end of an ingest transaction: each new reading at AQI level ≥ 5 (HJ 633-2012 Table 2,
 * AQI > 200, 重度污染) is compared with its station's previous stored hour (any source, the
 * highest AQI of that hour); crossing into the band raises an `aqi` alarm (domain rule
 * isAqiAlarmCrossing). Batches without such a reading cost nothing.
 */
export async function raiseAqiAlarms(
  tx: Executor,
  readings: readonly StoredAqiReading[],
  now: Date,
): Promise<Alarm[]> {
  const candidates = readings.filter((r) => r.aqi !== null && isAlarmAqi(r.aqi))
  if (candidates.length === 0) return []
  const rows = await queryRows<Row>(
    tx,
    sql`select c.station_code, c.observed_iso as observed_at, s.name,
          ST_X(s.location) as lng, ST_Y(s.location) as lat, h.aqi,
          to_json(p.observed_at) #>> '{}' as prev_at, p.aqi as prev_aqi
        from ${unnestRows(candidates, 'c', {
          station_code: ['text', (r) => r.stationCode],
          observed_iso: ['text', (r) => r.observedAt],
        })}
        join stations s on s.code = c.station_code
        cross join lateral (
          select max(aqi) as aqi from env_readings r
          where r.station_code = c.station_code and r.observed_at = c.observed_iso::timestamptz) h
        left join lateral (
          select r.observed_at, max(r.aqi) as aqi from env_readings r
          where r.station_code = c.station_code and r.observed_at < c.observed_iso::timestamptz
            and r.aqi is not null
          group by r.observed_at order by r.observed_at desc limit 1) p on true
        order by c.observed_iso, c.station_code`,
  )
  const crossings: NewAlarm[] = []
  for (const r of rows) {
    const aqi = Number(r.aqi)
    const current = { aqi, observedAt: Date.parse(r.observed_at) }
    const previous =
      r.prev_at === null || r.prev_aqi === null
        ? null
        : { aqi: Number(r.prev_aqi), observedAt: Date.parse(r.prev_at) }
    if (!isAqiAlarmCrossing(current, previous)) continue
    crossings.push({
      kind: 'aqi',
      subjectId: r.station_code,
      level: aqiLevelInfo(aqi).level === 6 ? 6 : 5,
      aqi,
      observedAt: new Date(r.observed_at).toISOString(),
      title: aqiAlarmTitle(r.name, aqi),
      location: [Number(r.lng), Number(r.lat)],
    })
  }
  // one statement for all of them: a synthetic or catch-up batch can cross many stations
  return raiseAlarms(tx, crossings, now)
}
