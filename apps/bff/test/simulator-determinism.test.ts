import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/db/client'
import { queryRows } from '../src/db/query-rows'
import { startSimulator } from '../src/simulator/run-simulator'
import { createTestDatabase, type TestDatabase } from './support/test-databases'

const T0 = new Date('2026-11-20T09:30:00Z')
// Uneven real steps, crossing a clock hour: the output must not depend on the tick rhythm.
const STEPS_MIN = [0, 7, 19, 36]

const opened: TestDatabase[] = []
afterAll(async () => {
  for (const t of opened) await t.dispose()
})

/** A fresh database fed by the simulator at T0 + each step; returns it still open. */
async function simulate(seed: string, steps = STEPS_MIN) {
  const t = await createTestDatabase('pglite')
  opened.push(t)
  await runTicks(t, seed, steps)
  return t
}

async function runTicks(t: TestDatabase, seed: string, steps: readonly number[]) {
  const clock = { now: T0 }
  const sim = await startSimulator({
    database: t.handle,
    clock: () => clock.now,
    seed,
    speed: 1,
    log: () => undefined,
    isAutomatic: false,
  })
  for (const minutes of steps) {
    clock.now = new Date(T0.getTime() + minutes * 60_000)
    await sim?.tick()
  }
  await sim?.stop()
}

const everything = async (db: Database) => ({
  traffic: await queryRows(
    db,
    sql`select segment_id, observed_at, speed_kmh, congestion_level from traffic_readings
        order by segment_id, observed_at`,
  ),
  environment: await queryRows(
    db,
    sql`select station_code, observed_at, concentrations, aqi, noise_leq, water_level_m
        from env_readings order by station_code, observed_at`,
  ),
  incidents: await queryRows(
    db,
    sql`select id, title, category, grade, status, version, source, ST_X(location) as lng,
          ST_Y(location) as lat, reported_at, updated_at, departments from incidents order by id`,
  ),
  // request_number is a running number, not part of the model
  cases: await queryRows(
    db,
    sql`select id, kind, category_code, component_id, description, address, district_code, channel,
          ST_X(location) as lng, ST_Y(location) as lat, reported_at from city_cases order by id`,
  ),
  audit: await queryRows(
    db,
    sql`select action, object_id, at from audit_log where action like 'incident.%' or action like 'case.%'
        order by object_id, at, action`,
  ),
  units: await queryRows(
    db,
    sql`select id, status, ST_X(location) as lng, ST_Y(location) as lat from units order by id`,
  ),
})

// Each run starts a database and writes every link a few times: minutes, not seconds.
describe('the simulator is deterministic', { timeout: 300_000 }, () => {
  it('gives two fresh databases the same readings, incidents and units for one seed', async () => {
    const a = await everything((await simulate('same')).handle.db)
    const b = await everything((await simulate('same', [0, 11, 36])).handle.db)
    expect(a.traffic.length).toBeGreaterThan(4 * 2000)
    expect(a.environment.length).toBe(2 * 23)
    expect(a.incidents.length).toBeGreaterThan(20)
    // The minutes both runs wrote (T0 and T0 + 36) agree reading for reading.
    const minutes = (rows: typeof a.traffic) => new Set(rows.map((r) => String(r.observed_at)))
    const shared = [...minutes(a.traffic)].filter((m) => minutes(b.traffic).has(m))
    const pick = (rows: typeof a.traffic) =>
      rows.filter((r) => shared.includes(String(r.observed_at)))
    expect(shared.length).toBe(2)
    expect(pick(b.traffic)).toEqual(pick(a.traffic))
    expect(b.environment).toEqual(a.environment)
    expect(b.incidents).toEqual(a.incidents)
    expect(a.cases.length).toBeGreaterThan(0)
    expect(b.cases).toEqual(a.cases)
    expect(b.audit).toEqual(a.audit)
    expect(b.units).toEqual(a.units)
  })

  it('gives another seed another day', async () => {
    const a = await everything((await simulate('one', [0, 20])).handle.db)
    const b = await everything((await simulate('two', [0, 20])).handle.db)
    expect(b.incidents.map((i) => i.title)).not.toEqual(a.incidents.map((i) => i.title))
    expect(b.traffic).not.toEqual(a.traffic)
  })

  it('adds nothing when restarted over the same simulated minutes', async () => {
    const t = await simulate('again', [0, 12])
    const before = await everything(t.handle.db)
    await runTicks(t, 'again', [0, 12])
    const after = await everything(t.handle.db)
    expect(after.traffic).toEqual(before.traffic)
    expect(after.environment).toEqual(before.environment)
    expect(after.incidents).toEqual(before.incidents)
    expect(after.cases).toEqual(before.cases)
    expect(after.audit).toEqual(before.audit)
  })
})
