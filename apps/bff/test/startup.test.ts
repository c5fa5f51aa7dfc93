import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runBff, stopBff } from './support/run-bff'
import {
  createScratchPostgresDatabase,
  dropScratchPostgresDatabase,
  withAdminClient,
  requireTestDatabaseUrl,
} from './support/test-databases'

const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-startup-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Bad configuration stops the BFF with exit code 1 and exactly one line saying what to fix. */
async function expectOneSentenceFailure(env: Record<string, string>, pattern: RegExp) {
  const { code, stderr } = await runBff(env).exited
  expect(code).toBe(1)
  const lines = stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}

describe('start-up with bad configuration', () => {
  it('refuses a DATA_DIR it cannot write', async () => {
    const file = path.join(scratch, 'a-file')
    writeFileSync(file, '')
    await expectOneSentenceFailure(
      { DATA_DIR: path.join(file, 'data') },
      /^cityops: DATA_DIR .*a-file\/data is not a writable folder \(ENOTDIR\): choose a writable folder/,
    )
  })

  it('refuses an unreachable DATABASE_URL', async () => {
    await expectOneSentenceFailure(
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/cityops' },
      /^cityops: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/cityops \(connection refused\): start the server or correct DATABASE_URL\.$/,
    )
  })

  it('refuses a port that is already in use, before opening the database', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await new Promise((r) => blocker.once('listening', r))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      await expectOneSentenceFailure(
        { PORT: String(port), DATA_DIR: path.join(scratch, 'unused') },
        new RegExp(
          `^cityops: Port ${port} on 127\\.0\\.0\\.1 is already in use: stop the other process or set PORT to a free port\\.$`,
        ),
      )
    } finally {
      blocker.close()
    }
  })

  it('refuses a PORT that is not a number', async () => {
    await expectOneSentenceFailure(
      { PORT: 'eighty' },
      /^cityops: PORT must be a number \(PORT\); fix it/,
    )
  })
})

describe('embedded database across restarts', () => {
  it('keeps its data and adds no reference rows on the second start', async () => {
    const env = { DATA_DIR: path.join(scratch, 'data') }
    const first = runBff(env)
    const port = await first.ready
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' })
    expect((await stopBff(first)).code).toBe(0)

    const second = runBff(env)
    await second.ready
    const { stdout } = await stopBff(second)
    expect(stdout).toContain(
      'new reference rows: {"adminAreas":0,"townships":0,"rivers":0,"stations":0,"departments":0,"roadSegments":0}',
    )
  })
})

describe.runIf(process.env.TEST_DATABASE_URL)('start-up against PostgreSQL', () => {
  it('serves with DATABASE_URL and reports postgres', async () => {
    const url = await createScratchPostgresDatabase()
    try {
      const run = runBff({ DATABASE_URL: url.toString() })
      const port = await run.ready
      const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()
      expect(health).toMatchObject({ status: 'ok', database: 'postgres' })
      await stopBff(run)
    } finally {
      await dropScratchPostgresDatabase(url)
    }
  })

  it('refuses a database where PostGIS cannot be enabled', async () => {
    // A database owned by an ordinary role: PostGIS is untrusted, so only a superuser may create it.
    const role = 'cityops_test_no_postgis'
    await withAdminClient(requireTestDatabaseUrl(), async (c) => {
      await c.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined)
      await c.query(`CREATE ROLE ${role} LOGIN`)
    })
    const url = await createScratchPostgresDatabase(role)
    url.username = role
    try {
      await expectOneSentenceFailure(
        { DATABASE_URL: url.toString() },
        /^cityops: PostGIS is not available in database "cityops_t_\w+" .*install it on the server \(Debian: apt-get install postgresql-15-postgis-3\) and have a superuser run CREATE EXTENSION postgis in that database\.$/,
      )
    } finally {
      await dropScratchPostgresDatabase(url)
      await withAdminClient(requireTestDatabaseUrl(), (c) => c.query(`DROP ROLE IF EXISTS ${role}`))
    }
  })
})
