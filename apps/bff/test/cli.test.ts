import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database, type DatabaseOptions } from '../src/db/client'
import { queryRows } from '../src/db/query-rows'
import { readSnapshot, trafficLayer } from '../src/services/layers/snapshots'
import { startSimulator } from '../src/simulator/run-simulator'
import { BFF_DIR } from './support/paths'
import { runBff } from './support/run-bff'
import {
  createScratchPostgresDatabase,
  dropScratchPostgresDatabase,
  DRIVERS,
} from './support/test-databases'

const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const run = (env: Record<string, string>, entry: string, args: string[] = []) =>
  runBff(env, entry, args).exited

describe.each(DRIVERS)('maintenance commands on %s', (driver) => {
  it('create-admin makes the first administrator; audit:verify finds a tampered row', async () => {
    const pgUrl = driver === 'postgres' ? await createScratchPostgresDatabase() : null
    const env: Record<string, string> = pgUrl
      ? { DATABASE_URL: pgUrl.toString() }
      : { DATA_DIR: path.join(scratch, 'db') }
    const dbOptions: DatabaseOptions = pgUrl
      ? { driver: 'postgres', url: pgUrl.toString() }
      : { driver: 'pglite', dataDir: env.DATA_DIR ?? null }
    try {
      const weak = await run(
        { ...env, CITYOPS_ADMIN_PASSWORD: 'short' },
        'src/cli/create-admin.ts',
        ['--username', 'chief'],
      )
      expect(weak.code).toBe(1)
      expect(weak.stderr).toContain('密码不符合要求')

      const made = await run(
        { ...env, CITYOPS_ADMIN_PASSWORD: 'Harbor-Lantern-42-Quay' },
        'src/cli/create-admin.ts',
        ['--username', 'chief', '--display-name', '值班主任'],
      )
      expect(made.stdout).toContain('administrator chief created')
      expect(made.code).toBe(0)

      const intact = await run(env, 'src/cli/audit-verify.ts')
      expect(intact.stdout).toMatch(/audit chain intact: \d+ entries verified/)
      expect(intact.code).toBe(0)

      const db = await openDatabase(dbOptions)
      await db.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`)
      await db.db.execute(sql`update audit_log set role = 'leader' where action = 'user.create'`)
      await db.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`)
      await db.close()

      const broken = await run(env, 'src/cli/audit-verify.ts')
      expect(broken.code).toBe(2)
      expect(broken.stdout).toMatch(
        /AUDIT CHAIN BROKEN: entry seq \d+ \(id [0-9a-f-]{36}\) was altered/,
      )
    } finally {
      if (pgUrl) await dropScratchPostgresDatabase(pgUrl)
    }
  })
})

const ROADS = path.join(BFF_DIR, 'test/fixtures/roads/zhengzhou-roads.geojson')
const FIXTURE_IDS = [
  '1001',
  'HY-01.1',
  'HY-01.2',
  'HY-01.3',
  'R3-1.1',
  'R3-1.2',
  'R3-2',
  'R4.1',
  'R4.2',
  'way/25837201.1',
  'way/25837201.2',
  'way/25837201.3',
  'way/4400',
]
const T0 = new Date('2026-11-20T09:30:00Z')

/** The fixture's features, with `edit` applied, as a file in the scratch folder. */
function roadFile(name: string, edit: (features: Record<string, unknown>[]) => unknown[]) {
  const collection = JSON.parse(readFileSync(ROADS, 'utf8')) as {
    features: Record<string, unknown>[]
  }
  writeFileSync(
    path.join(scratch, name),
    JSON.stringify({ type: 'FeatureCollection', features: edit(collection.features) }),
  )
  return name
}

// Four CLI runs and two opens of the same database: minutes on a loaded machine.
describe.each(DRIVERS)('import:roads on %s', { timeout: 300_000 }, (driver) => {
  it('replaces the network in one go, refuses bad files untouched, and the simulator uses it', async () => {
    const pgUrl = driver === 'postgres' ? await createScratchPostgresDatabase() : null
    // Relative file names resolve against INIT_CWD, where the user ran npm.
    const env: Record<string, string> = {
      INIT_CWD: scratch,
      ...(pgUrl
        ? { DATABASE_URL: pgUrl.toString() }
        : { DATA_DIR: path.join(scratch, 'roads-db') }),
    }
    const dbOptions: DatabaseOptions = pgUrl
      ? { driver: 'postgres', url: pgUrl.toString() }
      : { driver: 'pglite', dataDir: env.DATA_DIR ?? null }
    const segments = async (db: Database) =>
      (await queryRows<{ id: string }>(db, sql`select id from road_segments order by id`)).map(
        (r) => r.id,
      )
    try {
      const imported = await run(env, 'src/cli/import-roads.ts', [ROADS])
      expect(imported.stderr).toBe('')
      expect(imported.code).toBe(0)
      expect(imported.stdout).toMatch(
        /road network replaced: 13 segments, [\d.]+ km from 8 features \(2594 segments before; left out 1 features that are not city roads and 1 segments outside Zhengzhou; 0 traffic readings of removed segments deleted\); restart the BFF to use it/,
      )
      expect(imported.stdout).toContain('快速路 expressway: 1 segments')
      expect(imported.stdout).toContain('主干路 arterial: 9 segments')
      expect(imported.stdout).toContain('次干路 secondary: 2 segments')
      expect(imported.stdout).toContain('支路 branch: 1 segments')

      const point = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Point', coordinates: [113.6, 34.7] },
      }
      const bad = await run(env, 'src/cli/import-roads.ts', [
        roadFile('bad-roads.geojson', (f) => [f[0], f[1], point, ...f.slice(3)]),
      ])
      expect(bad.code).toBe(1)
      expect(bad.stderr.trim()).toBe(
        'cityops: bad-roads.geojson: feature 2: the geometry must be a LineString or a MultiLineString. Nothing was imported.',
      )
      // Valid GeoJSON, but nowhere near Zhengzhou: refused inside the transaction.
      const away = await run(env, 'src/cli/import-roads.ts', [
        roadFile('kaifeng.geojson', (f) => f.slice(7)),
      ])
      expect(away.code).toBe(1)
      expect(away.stderr.trim()).toMatch(
        /^cityops: none of the 1 road lines lies in Zhengzhou: .* Nothing was imported\.$/,
      )

      const handle = await openDatabase(dbOptions)
      try {
        expect(await segments(handle.db)).toEqual(FIXTURE_IDS)
        const sim = await startSimulator({
          database: handle,
          databaseUrl: pgUrl?.toString() ?? null,
          clock: () => T0,
          seed: 'roads',
          speed: 1,
          log: () => undefined,
          isAutomatic: false,
        })
        await sim?.tick()
        await sim?.stop()
        const read = await queryRows<{ segment_id: string }>(
          handle.db,
          sql`select distinct segment_id from traffic_readings order by segment_id`,
        )
        expect(read.map((r) => r.segment_id)).toEqual(FIXTURE_IDS)
        const layer = await readSnapshot(handle.db, trafficLayer())
        expect(layer.features.map((f) => f.id).sort()).toEqual(FIXTURE_IDS)
        expect(layer.features.every((f) => f.properties.speedKmh !== null)).toBe(true)
      } finally {
        await handle.close()
      }

      // Again without 京广快速路: its readings go, the others' stay.
      const smaller = await run(env, 'src/cli/import-roads.ts', [
        roadFile('no-jingguang.geojson', (f) => f.filter((x) => x.id !== 'way/4400')),
      ])
      expect(smaller.code).toBe(0)
      expect(smaller.stdout).toMatch(
        /12 segments, .*\(13 segments before; .*; 1 traffic readings of removed segments deleted\)/,
      )
      const after = await openDatabase(dbOptions)
      try {
        const left = await queryRows<{ segment_id: string }>(
          after.db,
          sql`select distinct segment_id from traffic_readings order by segment_id`,
        )
        expect(left.map((r) => r.segment_id)).toEqual(FIXTURE_IDS.filter((id) => id !== 'way/4400'))
        const audit = await queryRows<{ after: { segments: number; file: string } }>(
          after.db,
          sql`select after from audit_log where action = 'roadNetwork.import' order by seq`,
        )
        expect(audit.map((a) => [a.after.file, a.after.segments])).toEqual([
          ['zhengzhou-roads.geojson', 13],
          ['no-jingguang.geojson', 12],
        ])
      } finally {
        await after.close()
      }
    } finally {
      if (pgUrl) await dropScratchPostgresDatabase(pgUrl)
    }
  })
})
