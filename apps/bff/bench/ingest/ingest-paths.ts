import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client'
import { unnestRows } from '../../src/db/unnest-rows'
import { appendComputedEvents } from '../../src/live/append-computed-events'
import { ingestEnvironment } from '../../src/services/ingest/ingest-environment'
import { nowMs } from '../fanout/payloads'
import { postEnvironment } from './ingest-client'
import { rawRows, type BenchReading } from './readings'

// The ways one batch is written, each timed on its own: through the BFF over HTTP (the one
// with a target), and in-process breakdowns on the raw side's database: the whole service,
// the two halves of its one statement alone — the readings insert (unnest, ON CONFLICT DO
// NOTHING RETURNING) and the events appended from SQL (appendComputedEvents).
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
      return timed(() => ctx.db.execute(readingsInsert(rows)))
    }
    case 'eventsOnly': {
      const rows = rawRows(readings, 'bench-events')
      return timed(() =>
        ctx.db.transaction((tx) => appendComputedEvents(tx, eventsOf(rows), new Date())),
      )
    }
    case 'raw': {
      const rows = rawRows(readings, 'bench-raw')
      return timed(() => rawInsert(ctx.db, rows))
    }
  }
}

type RawRow = ReturnType<typeof rawRows>[number]
const asInput = (rows: RawRow[]) =>
  unnestRows(rows, 'i', {
    station_code: ['text', (r) => r.stationCode],
    observed_iso: ['text', (r) => r.observedAt.toISOString()],
    concentrations: ['jsonb', (r) => r.concentrations],
    aqi: ['integer', (r) => r.aqi],
    aqi_standard: ['text', (r) => r.aqiStandard],
  })

/** The service's readings insert on its own. */
const readingsInsert = (rows: RawRow[]) =>
  sql`insert into env_readings (source, station_code, observed_at, concentrations, aqi, aqi_standard)
      select ${rows[0]?.source ?? ''}, station_code, observed_iso::timestamptz, concentrations, aqi,
        aqi_standard
      from ${asInput(rows)}
      on conflict do nothing
      returning station_code, observed_at`

/** The service's event append on its own: one event per row, payload built in SQL. */
const eventsOf = (rows: RawRow[]) => ({
  with: [sql`input as (select i.*, row_number() over () as ord from ${asInput(rows)})`],
  events: sql`select 'environment' as topic, 'envReading.recorded' as type,
      station_code as entity_id, ord::int as version,
      jsonb_build_object('stationCode', station_code, 'observedAt', observed_iso, 'aqi', aqi,
        'aqiStandard', aqi_standard, 'concentrations', concentrations, 'noiseLeq', null,
        'waterLevelM', null) as data,
      null::jsonb as departments, 113.65::double precision as lng,
      34.75::double precision as lat, ord
    from input`,
  result: sql`null`,
})

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
