import {
  aqiStandardAt,
  computeAqi,
  EnvReading,
  type AqiConcentrations,
  type AqiStandardId,
} from '@cityops/domain'
import { asc, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database, Tx } from '../../db/client'
import { unnestRows } from '../../db/unnest-rows'
import { stations } from '../../db/schema'
import { appendComputedEvents } from '../../live/append-computed-events'
import { raiseAqiAlarms } from '../alarms/raise-aqi-alarms'
import {
  BatchItems,
  BatchSource,
  firstOfEachKey,
  storedOrDuplicate,
  summarize,
  validateItems,
  type ItemResult,
} from './batch'
import { envReadingFastPath } from './env-reading-fast-path'

export const EnvironmentBatch = z.object({ source: BatchSource, readings: BatchItems })

/** One reading as the insert statement reads it. */
interface Row {
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
 * Stores a gateway's batch: idempotent on (source, station, observed time), AQI computed by
 * the standard in force at the reading's time (stored with it), each station's latest state,
 * and one `envReading.recorded` event per new reading — one statement, one transaction.
 */
export async function ingestEnvironment(
  db: Database,
  batch: z.infer<typeof EnvironmentBatch>,
  now: Date,
) {
  const { valid, results } = validateItems(batch.readings, EnvReading, envReadingFastPath())
  return db.transaction(async (tx) => {
    const known = await lockStations(
      tx,
      valid.map((v) => v.item.stationCode),
    )
    const rows: Row[] = []
    const standardAt = memoized(aqiStandardAt) // a batch's readings share few distinct hours
    for (const { index, item } of valid) {
      if (!known.has(item.stationCode)) results.push(unknownStation(index, item.stationCode))
      else rows.push(toRow(index, item, standardAt))
    }
    const { unique, repeats } = firstOfEachKey(rows, (r) => `${r.station_code}|${r.observed_at}`)
    results.push(...repeats)
    const storedIndexes = unique.length ? await storeWithEvents(tx, batch.source, unique, now) : []
    results.push(...storedOrDuplicate(unique, storedIndexes))
    // the wall's alarms: a station crossing into AQI level ≥ 5 (services/alarms)
    const stored = new Set(storedIndexes)
    await raiseAqiAlarms(
      tx,
      unique
        .filter((r) => stored.has(r.index))
        .map((r) => ({ stationCode: r.station_code, observedAt: r.observed_at, aqi: r.aqi })),
      now,
    )
    return summarize(results)
  })
}

/**
 * The batch's known stations, locked in code order: concurrent batches then update shared
 * stations in the same order (no deadlock), before either takes the event counter.
 */
async function lockStations(tx: Tx, codes: string[]) {
  const unique = [...new Set(codes)]
  if (unique.length === 0) return new Set<string>()
  const found = await tx
    .select({ code: stations.code })
    .from(stations)
    .where(inArray(stations.code, unique))
    .orderBy(asc(stations.code))
    .for('no key update')
  return new Set(found.map((s) => s.code))
}

const unknownStation = (index: number, code: string): ItemResult => ({
  index,
  status: 'invalid',
  error: `未知监测站 ${code} / Unknown station ${code}`,
})

function toRow(index: number, item: EnvReading, standardAt: typeof aqiStandardAt): Row {
  const observedAt = new Date(item.observedAt).toISOString()
  const aqi = item.concentrations ? aqiFor(item.concentrations, standardAt(observedAt)) : null
  return {
    index,
    station_code: item.stationCode,
    observed_at: observedAt,
    concentrations: item.concentrations ?? null,
    aqi: aqi?.aqi ?? null,
    aqi_standard: aqi?.standard ?? null,
    noise_leq: item.noiseLeqDbA ?? null,
    water_level_m: item.waterLevelM ?? null,
  }
}

function memoized<T>(fn: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>()
  return (key) => {
    const hit = seen.get(key)
    if (hit !== undefined) return hit
    const value = fn(key)
    seen.set(key, value)
    return value
  }
}

function aqiFor(concentrations: AqiConcentrations, standard: AqiStandardId) {
  try {
    return computeAqi(concentrations, { standard, report: 'hourly' })
  } catch {
    return null // e.g. only so2_24h given: stored, but no AQI to show
  }
}

/**
 * Inserts the rows (ON CONFLICT DO NOTHING), moves each station's version by its new readings
 * and its latest state forward (never back), and appends one event per new reading with that
 * station's versions in time order. Returns the indexes of the rows actually stored.
 */
async function storeWithEvents(tx: Tx, source: string, rows: Row[], now: Date) {
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
        sql`stored as (
          select i.*, row_number() over w as k, count(*) over (partition by i.station_code collate "C") as n,
            row_number() over (order by i.station_code collate "C", i.observed_at) as ord
          from input i join ins using (station_code, observed_at)
          window w as (partition by i.station_code collate "C" order by i.observed_at))`,
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
          null::jsonb as departments, m.lng, m.lat,
          r.ord
        from stored r join moved m on m.code = r.station_code`,
      result: sql`(select coalesce(json_agg(index), '[]'::json) from stored)`,
    },
    now,
  )
  return result
}
