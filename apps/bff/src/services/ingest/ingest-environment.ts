import {
  aqiStandardAt,
  computeAqi,
  EnvReading,
  type AqiConcentrations,
  type AqiStandardId,
} from '@cityops/domain'
import { asc, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Database, Tx } from '../../db/client'
import { stations } from '../../db/schema'
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
import { storeEnvReadings, type EnvRow as Row } from './store-env-readings'

export const EnvironmentBatch = z.object({ source: BatchSource, readings: BatchItems })

/**
 * Stores a gateway's batch: idempotent on (source, station, observed time), AQI computed by
 * the standard in force at the reading's time (stored with it), each station's latest state
 * and one `envReading.recorded` event per new reading (one statement), then the AQI alarms —
 * all in one transaction.
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
    // a batch's readings share few distinct times: normalise each, and find its standard, once
    const instant = {
      iso: memoized((at) => new Date(at).toISOString()),
      standardAt: memoized(aqiStandardAt),
    }
    for (const { index, item } of valid) {
      if (!known.has(item.stationCode)) results.push(unknownStation(index, item.stationCode))
      else rows.push(toRow(index, item, instant))
    }
    const { unique, repeats } = firstOfEachKey(rows, (r) => `${r.station_code}|${r.observed_at}`)
    results.push(...repeats)
    const storedIndexes = unique.length ? await storeEnvReadings(tx, batch.source, unique, now) : []
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

interface Instants {
  iso: (at: string) => string
  standardAt: (iso: string) => AqiStandardId
}

function toRow(index: number, item: EnvReading, instant: Instants): Row {
  const observedAt = instant.iso(item.observedAt)
  const aqi = item.concentrations
    ? aqiFor(item.concentrations, instant.standardAt(observedAt))
    : null
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
