import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/client'
import { queryRows } from '../src/db/query-rows'
import { backfillHistory } from '../src/simulator/backfill-history'
import { runBff } from './support/run-bff'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const NOW = new Date('2026-11-20T09:30:00Z')
const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-history-'))
const opened: TestDatabase[] = []
afterAll(async () => {
  for (const t of opened) await t.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

const counts = async (db: Database) => {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from traffic_readings) as traffic,
          (select count(*)::int from env_readings) as environment,
          (select count(*)::int from incidents) as incidents,
          (select count(*)::int from incidents where status = 'closed') as closed,
          (select count(*)::int from city_cases) as cases,
          (select count(*)::int from audit_log) as audit,
          (select count(*)::int from events) as events,
          (select count(*)::int from road_segments) as segments`,
  )
  return row ?? {}
}

// One simulated day is ~2,900 incidents (most also closed), ~300 cases and 62,000 traffic
// readings: minutes on PGlite.
describe.each(DRIVERS)('seed:history on %s', { timeout: 600_000 }, (driver) => {
  it('backfills a day through the services, and a second run adds nothing', async () => {
    const t = await createTestDatabase(driver)
    opened.push(t)
    const lines: string[] = []
    const options = { days: 1, seed: 'history', now: NOW, log: (l: string) => lines.push(l) }
    const first = await backfillHistory(t.handle.db, options)
    const after = await counts(t.handle.db)
    expect(first).toMatchObject({ hours: 24, failedIncidents: 0, existingIncidents: 0 })
    expect(first.trafficReadings).toBe(24 * (after.segments ?? 0))
    expect(first.envReadings).toBe(24 * 23)
    expect(first.incidents).toBeGreaterThan(1500)
    expect(after.incidents).toBe(first.incidents)
    // Street-level calls close within hours; at 17:30 many of the day's 12345 work orders
    // (median 10 h) are still open.
    expect(first.closed).toBe(after.closed)
    expect(first.closed).toBeGreaterThan(first.incidents * 0.4)
    expect(first.closed).toBeLessThan(first.incidents)
    const [emergency] = await queryRows<{ share: number }>(
      t.handle.db,
      sql`select avg(case when status = 'closed' then 1 else 0 end)::float8 as share from incidents
          where source <> '12345' and reported_at < ${new Date(NOW.getTime() - 6 * 3_600_000)}`,
    )
    expect(emergency?.share).toBeGreaterThan(0.9)
    expect(first.regraded).toBeGreaterThan(0)
    expect(first).toMatchObject({ failedChanges: 0, failedCases: 0, existingCases: 0 })
    expect(first.cases).toBeGreaterThan(150)
    expect(after.cases).toBe(first.cases)
    // the day's cases are worked through the real workflow as the demo accounts
    expect(first.failedCaseActions).toBe(0)
    expect(first.caseActions).toBeGreaterThan(first.cases)
    const [history] = await queryRows<{ actions: number; decisions: number }>(
      t.handle.db,
      sql`select (select count(*)::int from case_actions) as actions,
            (select count(*)::int from audit_log where action like 'case.%'
              and action <> 'case.report') as decisions`,
    )
    expect(history).toEqual({ actions: first.caseActions, decisions: first.caseActions })
    expect(lines.at(-1)).toMatch(/24\/24 hours/)

    const second = await backfillHistory(t.handle.db, options)
    expect(second).toMatchObject({
      hours: 24,
      incidents: 0,
      existingIncidents: first.incidents,
      regraded: 0,
      closed: 0,
      cases: 0,
      existingCases: first.cases,
      caseActions: 0,
      trafficReadings: 0,
      envReadings: 0,
    })
    expect(await counts(t.handle.db)).toEqual(after)
  })
})

describe('the seed:history command', { timeout: 300_000 }, () => {
  it('refuses a bad --days in one line', async () => {
    const run = runBff({ DATA_DIR: path.join(scratch, 'unused') }, 'src/cli/seed-history.ts', [
      '--days',
      '0',
    ])
    const { code, stderr } = await run.exited
    expect(code).toBe(1)
    expect(stderr.trim()).toBe(
      'cityops: --days must be a number of days greater than 0 and at most 366',
    )
  })

  it('backfills a small window into the configured database', async () => {
    const run = runBff({ DATA_DIR: path.join(scratch, 'data') }, 'src/cli/seed-history.ts', [
      '--days',
      '0.1',
    ])
    const { code, stdout, stderr } = await run.exited
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/simulating the past 0\.1 day\(s\) with seed zhengzhou/)
    expect(stdout).toMatch(/history done in [\d.]+ s: [23] hours, \d+ incidents .* \(pglite, /)
  })
})
