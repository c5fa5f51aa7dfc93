import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { sql } from 'drizzle-orm'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import * as schema from './schema'

/** The one database type the rest of the code depends on, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
export type DriverName = 'pglite' | 'postgres'

export type DatabaseOptions =
  | { driver: 'postgres'; url: string }
  /** `dataDir: null` keeps PGlite in memory; `snapshot` starts it from a dumped data dir. */
  | { driver: 'pglite'; dataDir: string | null; snapshot?: Blob }

export interface DatabaseHandle {
  db: Database
  driver: DriverName
  /** Where the data lives, safe to log (no password). */
  location: string
  /** Runs `fn` on one connection holding a session advisory lock (serialises start-ups). */
  withStartupLock<T>(fn: (db: Database) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** The embedded engine, for snapshotting in tests; null for PostgreSQL. */
  pglite: PGlite | null
  /**
   * LISTEN on a channel (a wake-up signal only: notifications can be missed across
   * reconnects, so listeners also poll). Resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.driver === 'postgres' ? openPostgres(options.url) : openPglite(options)
}

async function openPglite(options: { dataDir: string | null; snapshot?: Blob }) {
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    extensions: { postgis },
  })
  await client.waitReady
  const db = drizzlePglite({ client, schema }) as unknown as Database
  return {
    db,
    driver: 'pglite',
    location: options.dataDir ?? 'memory',
    // PGlite is a single connection inside this process: nothing else can race us.
    withStartupLock: (fn) => fn(db),
    close: once(() => client.close()),
    pglite: client,
    listen: async (channel, onNotify) => client.listen(channel, onNotify),
  } satisfies DatabaseHandle
}

async function openPostgres(url: string) {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 })
  // An idle client that dies (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined)
  const probe = await pool.connect() // fail fast with the driver's own error (refused, auth, no db)
  probe.release()
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Database
  return {
    db,
    driver: 'postgres',
    location: describeUrl(url),
    withStartupLock: async (fn) => {
      const conn = await pool.connect()
      const lockedDb = drizzleNodePg({ client: conn, schema }) as unknown as Database
      try {
        await lockedDb.execute(sql`select pg_advisory_lock(hashtext('cityops.startup'))`)
        return await fn(lockedDb)
      } finally {
        await lockedDb.execute(sql`select pg_advisory_unlock(hashtext('cityops.startup'))`)
        conn.release()
      }
    },
    close: once(() => pool.end()),
    pglite: null,
    listen: (channel, onNotify) => listenPostgres(url, channel, onNotify),
  } satisfies DatabaseHandle
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`
  } catch {
    return 'DATABASE_URL'
  }
}

/** Closing twice (shutdown racing a failure path) must not throw. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null
  return () => (closing ??= fn())
}

/** A transaction handle; services take `Executor` so they can join a caller's transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
export type Executor = Database | Tx

/** A dedicated connection for LISTEN, re-established after errors (server restarts). */
async function listenPostgres(url: string, channel: string, onNotify: () => void) {
  let client: pg.Client | null = null
  let stopped = false
  const connect = async () => {
    if (stopped) return
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
    c.on('notification', onNotify)
    c.on('error', () => {
      client = null
      setTimeout(() => void connect().catch(() => undefined), 1000)
    })
    await c.connect()
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
    client = c
    onNotify() // anything missed while disconnected is picked up by the reader
  }
  await connect()
  return async () => {
    stopped = true
    await client?.end().catch(() => undefined)
  }
}
