import { cpSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { BenchConfig } from '../config'
import { openDatabase, type Database, type DatabaseHandle } from '../../src/db/client'
import { queryRows } from '../../src/db/query-rows'
import { closeBff, startBff } from '../support/bff'
import { preparePglite, preparePostgres } from '../support/databases'
import { INGEST_PATHS, perPath, timePath, type IngestPath } from './ingest-paths'
import { readingBatch } from './readings'

export interface IngestSide {
  readingsPerSecond: number
  totalMs: number
  batchMsMedian: number
  batchMsMax: number
}

export interface IngestResult {
  database: 'pglite' | 'postgres'
  batches: number
  batchSize: number
  paths: Record<IngestPath, IngestSide>
  /** readings/s through POST /api/ingest/environment ÷ readings/s of the raw INSERT */
  ratio: number
}

/**
 * B3: readings/s through POST /api/ingest/environment (validation, AQI, station state, events,
 * one transaction per batch) against one raw multi-row INSERT of the same rows on the same
 * engine, batch by batch in rotating order, with in-process breakdowns (see ingest-paths.ts).
 */
export async function runIngestBench(
  config: BenchConfig,
  driver: 'pglite' | 'postgres',
): Promise<IngestResult> {
  const cleanup: (() => Promise<unknown> | void)[] = []
  try {
    log(`preparing a fresh ${driver} database`)
    const setup = await openSides(driver, config, cleanup)
    const stations = await airStations(setup.raw.db)
    const ctx = { bffUrl: setup.url, db: setup.raw.db }
    const ms = perPath((): number[] => [])
    // batch 0 warms every path up (JIT, caches) and is not counted; the order rotates
    for (let b = 0; b <= config.batches; b++) {
      const readings = readingBatch(stations, b, config.batchSize)
      for (let k = 0; k < INGEST_PATHS.length; k++) {
        const which = INGEST_PATHS[(b + k) % INGEST_PATHS.length] ?? 'raw'
        const took = await timePath(which, ctx, readings)
        if (b > 0) ms[which].push(took)
      }
    }
    const paths = perPath((p) => side(ms[p], config.batchSize))
    const ratio = paths.http.readingsPerSecond / paths.raw.readingsPerSecond
    log(
      `${driver}: ingest ${Math.round(paths.http.readingsPerSecond)} readings/s, raw INSERT ` +
        `${Math.round(paths.raw.readingsPerSecond)} readings/s, ratio ${ratio.toFixed(2)}`,
    )
    return { database: driver, batches: config.batches, batchSize: config.batchSize, paths, ratio }
  } finally {
    for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(logError)
  }
}

/** The BFF on a fresh database, and a handle for raw inserts on the same kind of engine. */
async function openSides(
  driver: 'pglite' | 'postgres',
  config: BenchConfig,
  cleanup: (() => Promise<unknown> | void)[],
): Promise<{ url: string; raw: DatabaseHandle }> {
  if (driver === 'postgres') {
    if (!config.databaseUrl) throw new Error('B3 on PostgreSQL needs BENCH_DATABASE_URL')
    const prepared = await preparePostgres(config.databaseUrl, 0)
    cleanup.push(() => prepared.dispose())
    const bff = await startBff(prepared)
    cleanup.push(() => closeBff(bff))
    const raw = await openDatabase({ driver: 'postgres', url: prepared.url })
    cleanup.push(() => raw.close())
    return { url: bff.url, raw }
  }
  // PGlite is one process's database: the raw side gets an identical copy of the data dir
  const prepared = await preparePglite(0)
  cleanup.push(() => prepared.dispose())
  const rawDir = path.join(path.dirname(prepared.dataDir), 'raw')
  cpSync(prepared.dataDir, rawDir, { recursive: true })
  const bff = await startBff(prepared)
  cleanup.push(() => closeBff(bff))
  const raw = await openDatabase({ driver: 'pglite', dataDir: rawDir })
  cleanup.push(() => raw.close())
  return { url: bff.url, raw }
}

async function airStations(db: Database): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from stations where kind = 'air' order by code`,
  )
  const codes = rows.map((r) => r.code)
  if (codes.length === 0) throw new Error('no air stations in the reference data')
  return codes
}

function side(ms: number[], batchSize: number): IngestSide {
  const totalMs = ms.reduce((a, b) => a + b, 0)
  const sorted = [...ms].sort((a, b) => a - b)
  return {
    readingsPerSecond: (ms.length * batchSize * 1000) / totalMs,
    totalMs,
    batchMsMedian: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    batchMsMax: sorted.at(-1) ?? Number.NaN,
  }
}

const log = (message: string) => console.log(`bench B3: ${message}`)
const logError = (error: unknown) => console.error('bench B3 cleanup:', error)
