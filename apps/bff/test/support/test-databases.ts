import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type DatabaseHandle, type DriverName } from '../../src/db/client'
import { prepareDatabase } from '../../src/db/prepare-database'
import { PUBLIC_DIR } from './paths'
import { seedDemoAccounts } from '../../src/services/users/seed-demo-accounts'

/** The drivers this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DRIVERS: DriverName[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite']

export interface TestDatabase {
  handle: DatabaseHandle
  /** Connection string for PostgreSQL test databases (to start a real BFF against it). */
  url: string | null
  dispose(): Promise<void>
}

/** A fresh, migrated, seeded database of the given kind, private to the caller. */
export async function createTestDatabase(driver: DriverName): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))])
    const handle = await openDatabase({ driver: 'pglite', dataDir: null, snapshot })
    return { handle, url: null, dispose: () => handle.close() }
  }
  const url = await createScratchPostgresDatabase()
  const handle = await openDatabase({ driver: 'postgres', url: url.toString() })
  await prepareDatabase(handle, PUBLIC_DIR)
  await seedDemoAccounts(handle.db, new Date('2026-11-20T00:00:00Z'))
  return {
    handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close()
      await dropScratchPostgresDatabase(url)
    },
  }
}

/** An empty database on the TEST_DATABASE_URL server, named uniquely for this test. */
export async function createScratchPostgresDatabase(owner?: string): Promise<URL> {
  const admin = requireTestDatabaseUrl()
  const name = `cityops_t_${process.pid}_${randomBytes(4).toString('hex')}`
  await withAdminClient(admin, (c) =>
    c.query(`CREATE DATABASE ${name}${owner ? ` OWNER ${owner}` : ''}`),
  )
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url
}

export async function dropScratchPostgresDatabase(url: URL): Promise<void> {
  const name = url.pathname.slice(1)
  await withAdminClient(requireTestDatabaseUrl(), (c) =>
    c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  )
}

export async function withAdminClient<T>(url: string, fn: (c: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is required for PostgreSQL tests')
  return url
}
