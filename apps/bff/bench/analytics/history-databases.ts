import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { DEFAULT_TEMPLATE_DIR } from '../../src/config'
import { openDatabase, type Database, type DatabaseHandle } from '../../src/db/client'
import { openEmbeddedDatabase } from '../../src/db/open-embedded'
import { templateKey } from '../../src/db/pglite-template'
import { prepareDatabase } from '../../src/db/prepare-database'
import { queryRows } from '../../src/db/query-rows'
import { readReferenceSources } from '../../src/db/reference/reference-sources'
import { PUBLIC_DIR } from '../../test/support/paths'
import { historyFingerprint, type HistoryPlan } from './history-plan'
import { loadHistory, type HistoryLoad } from './history-load'

// B4's databases outlive a run: loading 1,000,000 rows through the triggers takes minutes, so
// a database whose fingerprint (schema + generator + plan) matches is reused as it is. The
// fingerprint row is written after the load commits: an interrupted load is never reused.

/** A PostgreSQL database on the BENCH_DATABASE_URL server, kept between runs. */
export const B4_POSTGRES_DATABASE = 'cityops_bench_b4'

export interface HistoryDatabase {
  handle: DatabaseHandle
  /** The load's "now": the 30-day window ends here, so a reused load keeps its shape. */
  now: Date
  /** This run's load; null when an earlier run's load was reused. */
  load: HistoryLoad | null
  /** The earlier load's figures when reused (as recorded then). */
  recordedLoad: HistoryLoad | null
}

export interface OpenOptions {
  plan: HistoryPlan
  isReload: boolean
  log: (message: string) => void
}

export async function openPostgresHistory(
  adminUrl: string,
  options: OpenOptions,
): Promise<HistoryDatabase> {
  const url = new URL(adminUrl)
  url.pathname = `/${B4_POSTGRES_DATABASE}`
  const fingerprint = currentFingerprint(options.plan)
  const exists = await withClient(adminUrl, async (c) => {
    const r = await c.query('select 1 from pg_database where datname = $1', [B4_POSTGRES_DATABASE])
    return r.rowCount === 1
  })
  if (exists && !options.isReload) {
    const handle = await openDatabase({ driver: 'postgres', url: url.toString() })
    const reused = await reuse(handle, fingerprint, options)
    if (reused) return reused
    await handle.close()
  }
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${B4_POSTGRES_DATABASE} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${B4_POSTGRES_DATABASE}`)
  })
  const handle = await openDatabase({ driver: 'postgres', url: url.toString() })
  return fill(handle, fingerprint, options)
}

/** A PGlite data dir under the temp folder, one per plan size, kept between runs. */
export async function openPgliteHistory(options: OpenOptions): Promise<HistoryDatabase> {
  const rows = options.plan.incidents + options.plan.cases
  const dataDir = path.join(tmpdir(), `cityops-bench-b4-pglite-${rows}`)
  const fingerprint = currentFingerprint(options.plan)
  if (existsSync(dataDir) && !options.isReload) {
    const handle = await openDatabase({ driver: 'pglite', dataDir })
    const reused = await reuse(handle, fingerprint, options)
    if (reused) return reused
    await handle.close()
  }
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  // from the prepared template (src/db/pglite-template.ts) when there is one: seconds, not 20
  const { handle } = await openEmbeddedDatabase({
    dataDir,
    publicDir: PUBLIC_DIR,
    templateDir: DEFAULT_TEMPLATE_DIR,
  })
  return fill(handle, fingerprint, options)
}

function currentFingerprint(plan: HistoryPlan): string {
  return historyFingerprint(templateKey(readReferenceSources(PUBLIC_DIR)), plan)
}

async function reuse(
  handle: DatabaseHandle,
  fingerprint: string,
  options: OpenOptions,
): Promise<HistoryDatabase | null> {
  const stored = await readFingerprint(handle.db)
  if (stored?.fingerprint !== fingerprint) {
    options.log(`${handle.location}: ${stored ? 'an older load' : 'no complete load'}; reloading`)
    return null
  }
  options.log(`${handle.location}: reusing the load of ${stored.loadedAt.toISOString()}`)
  return { handle, now: stored.now, load: null, recordedLoad: stored.load }
}

async function fill(
  handle: DatabaseHandle,
  fingerprint: string,
  options: OpenOptions,
): Promise<HistoryDatabase> {
  try {
    options.log(`${handle.location}: migrations and reference data`)
    await prepareDatabase(handle, PUBLIC_DIR)
    // a whole second, as a person's "now" on a screen would be; the window's edges are partial days
    const now = new Date(Math.floor(Date.now() / 1000) * 1000)
    const load = await loadHistory(handle.db, options.plan, now, options.log)
    await handle.db.execute(sql`create table bench_b4_fingerprint (
      fingerprint text not null, loaded_at timestamptz not null, now timestamptz not null,
      load jsonb not null)`)
    await handle.db.execute(sql`insert into bench_b4_fingerprint
      values (${fingerprint}, now(), ${now.toISOString()}::timestamptz, ${JSON.stringify(load)}::jsonb)`)
    return { handle, now, load, recordedLoad: null }
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw error
  }
}

async function readFingerprint(db: Database) {
  const [table] = await queryRows<{ name: string | null }>(
    db,
    sql`select to_regclass('bench_b4_fingerprint')::text as name`,
  )
  if (!table?.name) return null
  const [row] = await queryRows<{
    fingerprint: string
    loaded_at: string | Date
    now: string | Date
    load: HistoryLoad
  }>(db, sql`select fingerprint, loaded_at, now, load from bench_b4_fingerprint`)
  if (!row) return null
  return {
    fingerprint: row.fingerprint,
    loadedAt: new Date(row.loaded_at),
    now: new Date(row.now),
    load: row.load,
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
