import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
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

describe('embedded database: template, new data dirs and restarts', () => {
  // Each test run gets its own template folder, so the first start really creates everything.
  const templateDir = path.join(scratch, 'templates')
  const listening = (run: ReturnType<typeof runBff>) =>
    new Promise<number>((resolve, reject) => {
      run.child.stdout?.on('data', (chunk: Buffer) => {
        const match = /listening on http:\/\/[^:]+:(\d+)/.exec(chunk.toString())
        if (match?.[1]) resolve(Number(match[1]))
      })
      void run.exited.then(() => reject(new Error('BFF exited before listening')))
    })

  it('serves the page while the database starts, saves a template, fills a new data dir from it and keeps data across restarts', async () => {
    const first = runBff({ DATA_DIR: path.join(scratch, 'data'), PGLITE_TEMPLATE_DIR: templateDir })
    const early = await listening(first)
    // Creating PostGIS from nothing takes seconds: the static site answers, the API says so.
    const starting = await fetch(`http://127.0.0.1:${early}/api/health`)
    expect(starting.status).toBe(503)
    expect(await starting.json()).toMatchObject({ status: 'starting' })
    const sources = await fetch(`http://127.0.0.1:${early}/basemap/SOURCES.md`)
    expect(sources.status).toBe(200)
    const port = await first.ready
    expect(port).toBe(early)
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' })
    const firstRun = await stopBff(first)
    expect(firstRun.code).toBe(0)
    expect(firstRun.stdout).toContain('new data dir created from nothing; saved as the template')
    expect(readdirSync(templateDir).filter((f) => f.endsWith('.tar.gz'))).toHaveLength(1)

    const fresh = runBff({
      DATA_DIR: path.join(scratch, 'data-2'),
      PGLITE_TEMPLATE_DIR: templateDir,
    })
    const freshPort = await fresh.ready
    const freshHealth = await (await fetch(`http://127.0.0.1:${freshPort}/api/health`)).json()
    expect(freshHealth).toMatchObject({ status: 'ok', database: 'pglite' })
    const freshRun = await stopBff(fresh)
    expect(freshRun.stdout).toContain('new data dir filled from the prepared template')
    expect(freshRun.stdout).toContain(NO_NEW_REFERENCE_ROWS)
    expect(freshRun.stdout).toContain('created 32 demo accounts')

    const again = runBff({ DATA_DIR: path.join(scratch, 'data'), PGLITE_TEMPLATE_DIR: templateDir })
    await again.ready
    const { stdout } = await stopBff(again)
    expect(stdout).toContain('existing data dir reopened')
    expect(stdout).toContain(NO_NEW_REFERENCE_ROWS)
    expect(stdout).not.toContain('created 32 demo accounts')
  }, 240_000)
})

const NO_NEW_REFERENCE_ROWS =
  'new reference rows: {"adminAreas":0,"townships":0,"rivers":0,"stations":0,"departments":0,"roadSegments":0}'

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
