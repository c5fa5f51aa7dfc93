import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client'
import { envReadings } from '../../src/db/schema'
import { appendEvents } from '../../src/live/append-events'
import { ingestEnvironment } from '../../src/services/ingest/ingest-environment'
import { nowMs } from '../fanout/payloads'
import { postEnvironment } from './ingest-client'
import { rawRows, type BenchReading } from './readings'

// The ways one batch is written, each timed on its own: through the BFF over HTTP (the one
// with a target), and in-process breakdowns on the raw side's database: the whole service,
// its readings insert alone (drizzle, ON CONFLICT DO NOTHING RETURNING), its events alone.
export const INGEST_PATHS = ['http', 'service', 'readingsOnly', 'eventsOnly', 'raw'] as const
export type IngestPath = (typeof INGEST_PATHS)[number]

/** A value per path; every key is present by construction (fromEntries loses the key type). */
export function perPath<T>(fn: (path: IngestPath) => T): Record<IngestPath, T> {
  return Object.fromEntries(INGEST_PATHS.map((p) => [p, fn(p)])) as Record<IngestPath, T>
}

export interface PathContext {
  bffUrl: string
  db: Database
}

/** Milliseconds to write `readings` by `path` (inputs are built before the clock starts). */
export async function timePath(
  path: IngestPath,
  ctx: PathContext,
  readings: BenchReading[],
): Promise<number> {
  switch (path) {
    case 'http': {
      const summary = await postEnvironment(ctx.bffUrl, 'bench-http', readings)
      if (summary.stored !== readings.length)
        throw new Error(`ingest stored ${summary.stored} of ${readings.length}`)
      return summary.ms
    }
    case 'service':
      return timed(() =>
        ingestEnvironment(ctx.db, { source: 'bench-service', readings }, new Date()),
      )
    case 'readingsOnly': {
      const rows = rawRows(readings, 'bench-readings')
      return timed(() =>
        ctx.db
          .insert(envReadings)
          .values(rows)
          .onConflictDoNothing()
          .returning({ stationCode: envReadings.stationCode, observedAt: envReadings.observedAt }),
      )
    }
    case 'eventsOnly': {
      const events = readings.map((r, i) => ({
        topic: 'environment' as const,
        type: 'envReading.recorded',
        entityId: r.stationCode,
        version: i + 1,
        data: r,
        location: [113.65, 34.75] as const,
      }))
      return timed(() => ctx.db.transaction((tx) => appendEvents(tx, events, new Date())))
    }
    case 'raw': {
      const rows = rawRows(readings, 'bench-raw')
      return timed(() => rawInsert(ctx.db, rows))
    }
  }
}

/** One multi-row INSERT of the rows ingestion would store (AQI computed beforehand). */
function rawInsert(db: Database, rows: ReturnType<typeof rawRows>) {
  const values = rows.map(
    (r) =>
      sql`(${r.source}, ${r.stationCode}, ${r.observedAt.toISOString()}::timestamptz, ${JSON.stringify(r.concentrations)}::jsonb, ${r.aqi}, ${r.aqiStandard})`,
  )
  return db.execute(
    sql`insert into env_readings (source, station_code, observed_at, concentrations, aqi, aqi_standard) values ${sql.join(values, sql`, `)}`,
  )
}

async function timed(fn: () => Promise<unknown>) {
  const started = nowMs()
  await fn()
  return nowMs() - started
}
