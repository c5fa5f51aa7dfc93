import { aqiStandardAt, computeAqi, EnvReading } from '@cityops/domain'
import { inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { envReadings, stations } from '../../db/schema'
import { appendEvents, type NewEvent } from '../../live/append-events'
import {
  BatchItems,
  BatchSource,
  insertInSlices,
  splitStored,
  summarize,
  validateItems,
} from './batch'

export const EnvironmentBatch = z.object({ source: BatchSource, readings: BatchItems })

/**
 * Stores a gateway's batch: idempotent on (source, station, observed time), one multi-row
 * insert, AQI computed by the standard in force at the reading's time (stored with it), and
 * one `envReading.recorded` event per new reading — all in one transaction.
 */
export async function ingestEnvironment(
  db: Database,
  batch: z.infer<typeof EnvironmentBatch>,
  now: Date,
) {
  const { valid, results } = validateItems(batch.readings, EnvReading)
  return db.transaction(async (tx) => {
    const known = await tx
      .select({
        code: stations.code,
        lng: sql<number>`ST_X(${stations.location})`,
        lat: sql<number>`ST_Y(${stations.location})`,
      })
      .from(stations)
      .where(inArray(stations.code, [...new Set(valid.map((v) => v.item.stationCode))]))
    const where = new Map(known.map((s) => [s.code, [s.lng, s.lat] as const]))
    const rows: (typeof envReadings.$inferInsert & { index: number })[] = []
    for (const { index, item } of valid) {
      if (!where.has(item.stationCode)) {
        results.push({
          index,
          status: 'invalid',
          error: `未知监测站 ${item.stationCode} / Unknown station ${item.stationCode}`,
        })
        continue
      }
      const observedAt = new Date(item.observedAt)
      const aqi = item.concentrations ? aqiFor(item.concentrations, observedAt) : null
      rows.push({
        index,
        source: batch.source,
        stationCode: item.stationCode,
        observedAt,
        concentrations: item.concentrations ?? null,
        aqi: aqi?.aqi ?? null,
        aqiStandard: aqi?.standard ?? null,
        noiseLeq: item.noiseLeqDbA ?? null,
        waterLevelM: item.waterLevelM ?? null,
      })
    }
    const inserted = await insertInSlices(rows, (slice) =>
      tx
        .insert(envReadings)
        .values(slice.map(({ index: _i, ...r }) => r))
        .onConflictDoNothing()
        .returning({ stationCode: envReadings.stationCode, observedAt: envReadings.observedAt }),
    )
    const key = (r: { stationCode: string; observedAt: Date }) =>
      `${r.stationCode}|${r.observedAt.getTime()}`
    const split = splitStored(rows, new Set(inserted.map(key)), key)
    results.push(...split.results)
    const stored = split.stored
    await applyLatest(tx, stored, where, now)
    return summarize(results)
  })
}

function aqiFor(concentrations: NonNullable<EnvReading['concentrations']>, at: Date) {
  try {
    return computeAqi(concentrations, {
      standard: aqiStandardAt(at.toISOString()),
      report: 'hourly',
    })
  } catch {
    return null // e.g. only so2_24h given: stored, but no AQI to show
  }
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

/** Moves each station's latest state forward (never back) and emits one event per reading. */
async function applyLatest(
  tx: Tx,
  stored: (typeof envReadings.$inferInsert)[],
  where: Map<string, readonly [number, number]>,
  now: Date,
) {
  const byStation = new Map<string, (typeof envReadings.$inferInsert)[]>()
  for (const r of [...stored].sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime())) {
    byStation.set(r.stationCode, [...(byStation.get(r.stationCode) ?? []), r])
  }
  const events: NewEvent[] = []
  for (const [code, readings] of byStation) {
    const newest = readings.at(-1)
    if (!newest) continue
    const latest = {
      concentrations: newest.concentrations,
      aqi: newest.aqi,
      aqiStandard: newest.aqiStandard,
      noiseLeq: newest.noiseLeq,
      waterLevelM: newest.waterLevelM,
    }
    const [row] = await tx
      .update(stations)
      .set({
        version: sql`${stations.version} + ${readings.length}`,
        latest: sql`case when ${stations.observedAt} is null or ${stations.observedAt} <= ${newest.observedAt} then ${JSON.stringify(latest)}::jsonb else ${stations.latest} end`,
        observedAt: sql`greatest(${stations.observedAt}, ${newest.observedAt})`,
      })
      .where(sql`${stations.code} = ${code}`)
      .returning({ version: stations.version })
    const last = row?.version ?? readings.length
    readings.forEach((r, i) =>
      events.push({
        topic: 'environment' as const,
        type: 'envReading.recorded',
        entityId: code,
        version: last - readings.length + i + 1,
        data: {
          stationCode: code,
          observedAt: r.observedAt.toISOString(),
          aqi: r.aqi,
          aqiStandard: r.aqiStandard,
          concentrations: r.concentrations,
          noiseLeq: r.noiseLeq,
          waterLevelM: r.waterLevelM,
        },
        location: where.get(code) ?? null,
      }),
    )
  }
  await appendEvents(tx, events, now)
}
