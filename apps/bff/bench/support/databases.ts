import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, type DatabaseHandle } from '../../src/db/client'
import { pointFromLngLat } from '../../src/db/geo-sql'
import { prepareDatabase } from '../../src/db/prepare-database'
import { stations } from '../../src/db/schema'
import { seedDemoAccounts } from '../../src/services/users/seed-demo-accounts'
import { PUBLIC_DIR } from '../../test/support/paths'
import { benchStationCode } from '../fanout/payloads'

/** Migrations, reference data, demo accounts and `benchStations` extra noise stations. */
async function seed(handle: DatabaseHandle, benchStations: number) {
  await prepareDatabase(handle, PUBLIC_DIR)
  await seedDemoAccounts(handle.db, new Date())
  if (benchStations === 0) return
  const rows = Array.from({ length: benchStations }, (_, i) => ({
    code: benchStationCode(i),
    name: `bench ${i}`,
    kind: 'noise' as const,
    // spread over central Zhengzhou
    location: pointFromLngLat(113.55 + (i % 20) * 0.01, 34.7 + Math.floor(i / 20) * 0.01),
  }))
  await handle.db.insert(stations).values(rows).onConflictDoNothing()
}

export interface PreparedPglite {
  dataDir: string
  dispose(): void
}

/** A fresh PGlite data dir in a temp folder, prepared here so the BFF starts on a ready one. */
export async function preparePglite(benchStations: number): Promise<PreparedPglite> {
  const root = mkdtempSync(path.join(tmpdir(), 'cityops-bench-'))
  const dataDir = path.join(root, 'data')
  const handle = await openDatabase({ driver: 'pglite', dataDir })
  try {
    await seed(handle, benchStations)
  } finally {
    await handle.close()
  }
  return { dataDir, dispose: () => rmSync(root, { recursive: true, force: true }) }
}

export interface PreparedPostgres {
  url: string
  dispose(): Promise<void>
}

/** A scratch database on the BENCH_DATABASE_URL server (needs CREATEDB), dropped afterwards. */
export async function preparePostgres(
  adminUrl: string,
  benchStations: number,
): Promise<PreparedPostgres> {
  const name = `cityops_bench_${process.pid}_${randomBytes(4).toString('hex')}`
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const dispose = () =>
    withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  try {
    const handle = await openDatabase({ driver: 'postgres', url: url.toString() })
    try {
      await seed(handle, benchStations)
    } finally {
      await handle.close()
    }
  } catch (error) {
    await dispose()
    throw error
  }
  return { url: url.toString(), dispose: async () => void (await dispose()) }
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

export async function postgresVersion(url: string): Promise<string> {
  const result = await withClient(url, (c) =>
    c.query<{ v: string }>("select current_setting('server_version') as v"),
  )
  return result.rows[0]?.v ?? '?'
}
