import { DISTRICTS } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { CASE_CHANNELS } from '../src/db/schema'
import { findCategory } from '../src/services/cases/case-catalogue'
import { incidentsLayer, readSnapshot } from '../src/services/layers/snapshots'
import { startSimulator } from '../src/simulator/run-simulator'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// 09:30 Beijing time on a Friday: inspectors are out, calls arrive all morning.
const T0 = new Date('2026-11-20T01:30:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

describe.each(DRIVERS)('the simulator escalates, closes and reports cases on %s', (driver) => {
  let t: TestDatabase
  const logged: string[] = []

  const run = async (steps: readonly number[]) => {
    const clock = { now: at(steps[0] ?? 0) }
    const sim = await startSimulator({
      database: t.handle,
      databaseUrl: t.url,
      clock: () => clock.now,
      seed: 'lifecycle',
      speed: 1,
      log: (line) => logged.push(line),
      isAutomatic: false,
    })
    for (const minutes of steps) {
      clock.now = at(minutes)
      await sim?.tick()
    }
    await sim?.stop()
    return sim?.counts
  }
  const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    queryRows<T>(t.handle.db, query)
  const trail = () =>
    rows<{ action: string; n: number }>(
      sql`select action, count(*)::int as n from audit_log group by action order by action`,
    )

  beforeAll(async () => {
    t = await createTestDatabase(driver)
    // Half-hour ticks: each stays under the per-tick cap of escalations and closes.
    await run([0, 30, 60, 90, 120, 150, 180])
  })
  afterAll(() => t?.dispose())

  it('closes incidents after a while, each with one audit entry and one event, version + 1', async () => {
    const closed = await rows<{
      id: string
      version: number
      minutes: number
      audits: number
      event_version: number
      summary: string
    }>(
      sql`select i.id, i.version,
            extract(epoch from (e.at - i.reported_at)) / 60 as minutes,
            (select count(*)::int from audit_log a
              where a.object_id = i.id and a.action = 'incident.close') as audits,
            e.version as event_version, e.data->>'summary' as summary
          from incidents i join events e on e.entity_id = i.id and e.type = 'incident.closed'
          where i.status = 'closed'`,
    )
    const [all] = await rows<{ n: number }>(sql`select count(*)::int as n from incidents`)
    expect(closed.length).toBeGreaterThan(20)
    expect(closed.length).toBeLessThan(all?.n ?? 0) // 12345 work orders take longer
    for (const c of closed) {
      expect(c.audits).toBe(1)
      expect(c.event_version).toBe(c.version)
      expect(Number(c.minutes)).toBeGreaterThanOrEqual(10)
      expect(c.summary).toMatch(/模拟演示数据/)
    }
    expect(logged.filter((l) => l.includes('failed') || l.includes('not '))).toEqual([])
  })

  it('escalates a few incidents one grade, with the reason, before any close', async () => {
    const regraded = await rows<{ grade: string; previous: string; reason: string }>(
      sql`select e.data->>'grade' as grade, e.data->>'previousGrade' as previous,
            e.data->>'gradeReason' as reason
          from events e where e.type = 'incident.regraded'`,
    )
    expect(regraded.length).toBeGreaterThan(0)
    for (const r of regraded) {
      expect([r.previous, r.grade]).toSatisfy(
        ([from, to]: string[]) =>
          (from === 'IV' && to === 'III') || (from === 'III' && to === 'II'),
      )
      expect(r.reason).toMatch(/提升一级响应/)
    }
    const [order] = await rows<{ n: number }>(
      sql`select count(*)::int as n from events r join events c on c.entity_id = r.entity_id
          where r.type = 'incident.regraded' and c.type = 'incident.closed' and c.seq < r.seq`,
    )
    expect(order?.n).toBe(0)
  })

  it('leaves closed incidents off the incidents layer', async () => {
    const layer = await readSnapshot(t.handle.db, incidentsLayer({ kind: 'all' }))
    const [open] = await rows<{ n: number }>(
      sql`select count(*)::int as n from incidents where status <> 'closed'`,
    )
    expect(layer.features.length).toBe(open?.n)
    expect(layer.features.every((f) => f.properties.status !== 'closed')).toBe(true)
  })

  it('reports 数字城管 cases through intake, spread over districts and townships', async () => {
    const cases = await rows<{
      kind: 'component' | 'event'
      category_code: string
      status: string
      channel: string
      district_code: string
      address: string | null
      component_id: string | null
      events: number
      audits: number
    }>(
      sql`select c.kind, c.category_code, c.status, c.channel, c.district_code, c.address,
            c.component_id,
            (select count(*)::int from events e where e.entity_id = c.id and e.type = 'case.reported') as events,
            (select count(*)::int from audit_log a where a.object_id = c.id and a.action = 'case.report') as audits
          from city_cases c`,
    )
    expect(cases.length).toBeGreaterThan(20)
    const districts = new Set(cases.map((c) => c.district_code))
    expect(districts.size).toBeGreaterThan(2)
    for (const c of cases) {
      expect(c).toMatchObject({ status: 'REPORTED', events: 1, audits: 1 })
      expect(findCategory(c.kind, c.category_code)).toBeDefined()
      expect(CASE_CHANNELS).toContain(c.channel)
      expect(DISTRICTS.map((d) => d.code)).toContain(c.district_code)
      if (c.component_id)
        expect(c.component_id.slice(0, 10)).toBe(c.district_code + c.category_code)
    }
    // Area reports carry their 街道, e.g. 金水区花园路街道.
    expect(cases.filter((c) => /区.+(街道|镇|乡)/.test(c.address ?? '')).length).toBeGreaterThan(5)
  })

  it('picks up where it left off after a restart, and does nothing twice', async () => {
    const before = await trail()
    await run([180]) // the same simulated minute again
    expect(await trail()).toEqual(before)
    await run([180, 210, 240])
    const after = await trail()
    const count = (list: typeof after, action: string) =>
      list.find((a) => a.action === action)?.n ?? 0
    expect(count(after, 'incident.close')).toBeGreaterThan(count(before, 'incident.close'))
    const [twice] = await rows<{ n: number }>(
      sql`select count(*)::int as n from (select object_id from audit_log
            where action in ('incident.close', 'incident.regrade', 'case.report')
            group by object_id, action having count(*) > 1) d`,
    )
    expect(twice?.n).toBe(0)
  })
})
