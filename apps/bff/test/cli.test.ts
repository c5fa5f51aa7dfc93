import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseOptions } from '../src/db/client'
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
