import type { EnvReading } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/client'
import { unnestRows } from '../../db/unnest-rows'
import { appendComputedEvents } from '../../live/append-computed-events'

/** One reading as the insert statement reads it. */
export interface EnvRow {
  index: number
  station_code: string
  observed_at: string
  concentrations: EnvReading['concentrations'] | null
  aqi: number | null
  aqi_standard: string | null
  noise_leq: number | null
  water_level_m: number | null
}

/**
 * Inserts the rows (ON CONFLICT DO NOTHING), moves each station's version by its new readings
 * and its latest state forward (never back), and appends one event per new reading with that
 * station's versions in time order. Returns the indexes of the rows actually stored.
 */
export async function storeEnvReadings(tx: Tx, source: string, rows: EnvRow[], now: Date) {
  const { result } = await appendComputedEvents<number[]>(
    tx,
    {
      with: [
        sql`input as (
          select i.*, i.observed_iso::timestamptz as observed_at
          from ${unnestRows(rows, 'i', {
            index: ['integer', (r) => r.index],
            station_code: ['text', (r) => r.station_code],
            observed_iso: ['text', (r) => r.observed_at],
            concentrations: ['jsonb', (r) => r.concentrations],
            aqi: ['integer', (r) => r.aqi],
            aqi_standard: ['text', (r) => r.aqi_standard],
            noise_leq: ['double precision', (r) => r.noise_leq],
            water_level_m: ['double precision', (r) => r.water_level_m],
          })})`,
        sql`ins as (
          insert into env_readings (source, station_code, observed_at, concentrations, aqi,
            aqi_standard, noise_leq, water_level_m)
          select ${source}, station_code, observed_at, concentrations, aqi, aqi_standard,
            noise_leq, water_level_m
          from input
          on conflict do nothing
          returning station_code, observed_at)`,
        // k of n: the reading's place in its station's new readings; events go station by
        // station in time order (byte order, "C": any consistent order will do, and it is cheap)
        sql`stored as (
          select i.*, row_number() over w as k, count(*) over (partition by s) as n,
            row_number() over (order by s, i.observed_at) as ord
          from (select *, station_code collate "C" as s from input) i
            join ins using (station_code, observed_at)
          window w as (partition by s order by i.observed_at))`,
        sql`moved as (
          update stations s set
            version = s.version + r.n,
            latest = case when s.observed_at is null or s.observed_at <= r.observed_at
              then jsonb_build_object('concentrations', r.concentrations, 'aqi', r.aqi,
                'aqiStandard', r.aqi_standard, 'noiseLeq', r.noise_leq,
                'waterLevelM', r.water_level_m)
              else s.latest end,
            observed_at = greatest(s.observed_at, r.observed_at)
          from stored r
          where r.k = r.n and s.code = r.station_code
          returning s.code, s.version, ST_X(s.location) as lng, ST_Y(s.location) as lat)`,
      ],
      events: sql`select 'environment' as topic, 'envReading.recorded' as type,
          r.station_code as entity_id, m.version - r.n + r.k as version,
          jsonb_build_object('stationCode', r.station_code, 'observedAt', r.observed_iso,
            'aqi', r.aqi, 'aqiStandard', r.aqi_standard, 'concentrations', r.concentrations,
            'noiseLeq', r.noise_leq, 'waterLevelM', r.water_level_m) as data,
          null::jsonb as departments, m.lng, m.lat, r.ord
        from stored r join moved m on m.code = r.station_code`,
      result: sql`(select coalesce(json_agg(index), '[]'::json) from stored)`,
    },
    now,
  )
  return result
}
