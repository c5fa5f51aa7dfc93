import {
  DEMO_PASSWORD,
  INCIDENT_CATEGORIES,
  INCIDENT_GRADES,
  type LiveTopic,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { startSimulator, type Simulator } from '../src/simulator/run-simulator'
import { LiveClient } from './support/live-client'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'
import { startTestServer } from './support/test-server'

// 17:30 Beijing time on a Friday: evening rush, so calls arrive within minutes.
const T0 = new Date('2026-11-20T09:30:00Z')
const TOPICS: LiveTopic[] = ['traffic', 'environment', 'incidents', 'units']

describe.each(DRIVERS)('the simulator on %s', (driver) => {
  let t: TestDatabase
  let server: Awaited<ReturnType<typeof startTestServer>>
  let live: LiveClient
  let sim: Simulator | null = null
  const clock = { now: T0 }
  const logged: string[] = []

  beforeAll(async () => {
    t = await createTestDatabase(driver)
    server = await startTestServer(t.handle)
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'operator', password: DEMO_PASSWORD }),
    })
    live = new LiveClient(server.url, res.headers.get('set-cookie')?.split(';')[0] ?? '')
    expect(await live.subscribe({ topics: TOPICS })).toMatchObject({ ok: true, topics: TOPICS })
    sim = await startSimulator({
      database: t.handle,
      databaseUrl: t.url,
      clock: () => clock.now,
      seed: 'test',
      speed: 1,
      log: (line) => logged.push(line),
      isAutomatic: false,
    })
    await sim?.tick()
    clock.now = new Date(T0.getTime() + 10 * 60_000)
    await sim?.tick()
  })
  afterAll(async () => {
    await sim?.stop()
    live?.close()
    await server?.close()
    await t?.dispose()
  })

  const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    queryRows<T>(t.handle.db, query)

  it('writes a speed for every road segment for each simulated minute', async () => {
    const [counts] = await rows<{ segments: number; at_t0: number; at_t10: number }>(
      sql`select (select count(*)::int from road_segments) as segments,
            (select count(*)::int from traffic_readings where source = 'simulator'
              and observed_at = ${T0.toISOString()}::timestamptz) as at_t0,
            (select count(*)::int from traffic_readings where source = 'simulator'
              and observed_at = ${clock.now.toISOString()}::timestamptz) as at_t10`,
    )
    expect(counts?.segments).toBeGreaterThan(2000)
    expect(counts?.at_t0).toBe(counts?.segments)
    expect(counts?.at_t10).toBe(counts?.segments)
    expect(logged.filter((l) => l.includes('failed'))).toEqual([])
  })

  it('reads every air station with an AQI, and the noise points and river gauges', async () => {
    const byKind = await rows<{ kind: string; n: number; with_aqi: number }>(
      sql`select s.kind, count(*)::int as n, count(r.aqi)::int as with_aqi
          from env_readings r join stations s on s.code = r.station_code
          where r.source = 'simulator' and r.observed_at = '2026-11-20T09:00:00Z'
          group by s.kind order by s.kind`,
    )
    expect(byKind).toEqual([
      { kind: 'air', n: 9, with_aqi: 9 },
      { kind: 'noise', n: 8, with_aqi: 0 },
      { kind: 'water', n: 6, with_aqi: 0 },
    ])
  })

  it('turns calls into incidents with valid categories and grades inside Zhengzhou', async () => {
    const incidents = await rows<{
      title: string
      category: string
      grade: string
      district: string | null
      source: string
    }>(
      sql`select i.title, i.category, i.grade, i.source,
            (select a.name from admin_areas a where a.level = 'district'
              and ST_Contains(a.geom, i.location)) as district
          from incidents i order by i.reported_at`,
    )
    expect(incidents.length).toBeGreaterThan(5)
    for (const i of incidents) {
      expect(INCIDENT_CATEGORIES).toContain(i.category)
      expect(INCIDENT_GRADES).toContain(i.grade)
      expect(['110', '119', '120', '122', '12345']).toContain(i.source)
      expect(i.district).not.toBeNull()
      expect(i.title.startsWith(i.district ?? '?')).toBe(true)
    }
  })

  it('creates the fleet once and moves it along the roads', async () => {
    const [units] = await rows<{ n: number; moved: number }>(
      sql`select count(*)::int as n, count(*) filter (where version > 1)::int as moved from units`,
    )
    expect(units?.n).toBe(137)
    expect(units?.moved).toBeGreaterThan(50)
  })

  it('shows all of it live to an operator', async () => {
    const deadline = Date.now() + 15_000
    const seen = () => new Set(live.events.map((e) => e.topic))
    while (seen().size < TOPICS.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect([...seen()].sort()).toEqual([...TOPICS].sort())
    const types = new Set(live.events.map((e) => e.type))
    for (const type of [
      'trafficReading.recorded',
      'envReading.recorded',
      'incident.created',
      'unit.moved',
    ]) {
      expect(types).toContain(type)
    }
  })
})
