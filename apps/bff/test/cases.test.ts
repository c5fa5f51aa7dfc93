import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { queryRows } from '../src/db/query-rows'
import type { ReportCaseInput } from '../src/services/cases/case-input'
import { casesLayer } from '../src/services/cases/cases-layer'
import { reportCase } from '../src/services/cases/report-case'
import { readSnapshot } from '../src/services/layers/snapshots'
import { DEMO_API_KEY } from '../src/services/users/seed-demo-accounts'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// Drivers wrap the server's error differently (drizzle's "Failed query" with a cause).
const describeError = (e: unknown): string =>
  e instanceof Error ? `${e.message} ${describeError(e.cause)}` : String(e ?? '')

const Created = z.object({
  case: z.looseObject({ id: z.string(), channel: z.string() }),
  seq: z.number(),
})
const CaseList = z.object({ total: z.number(), items: z.array(z.object({ id: z.string() })) })
const listOf = async (res: Response) => CaseList.parse(await res.json())

const REPORT: Omit<ReportCaseInput, 'channel'> = {
  kind: 'event',
  categoryCode: '0106',
  description: '人行道乱堆杂物',
  address: '金水区花园路',
  location: [113.68, 34.78],
}

describe.each(DRIVERS)('city cases: intake on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  })
  afterAll(() => t?.dispose())

  const count = async (table: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.handle.db,
          sql.raw(`select count(*)::int as n from ${table}`),
        )
      )[0]?.n,
    )
  const as = async (user: string, method = 'GET', body?: unknown, path = '/api/cases') =>
    env.app.request(path, asBrowser(await loginAs(env.app, user), method, body))

  it('lets an inspector report a case: REPORTED, channel inspector, audit and event in one go', async () => {
    const before = { events: await count('events'), audit: await count('audit_log') }
    const res = await as('inspector', 'POST', { ...REPORT, reporter: { phone: '13800000000' } })
    expect(res.status).toBe(201)
    const { case: created, seq } = Created.parse(await res.json())
    expect(created).toMatchObject({
      status: 'REPORTED',
      channel: 'inspector',
      districtCode: '410105',
      responsibleDepartment: null,
      requestNumber: expect.stringMatching(/^ZZ-20261120-\d{6}$/),
      reportedAt: '2026-11-20T10:00:00+08:00',
    })
    expect(created).not.toHaveProperty('reporter')
    expect(await count('events')).toBe(before.events + 1)
    expect(await count('audit_log')).toBe(before.audit + 2) // login + report
    const [event] = await queryRows<Record<string, unknown>>(
      t.handle.db,
      sql`select topic, type, entity_id, departments, data from events where seq = ${seq}`,
    )
    expect(event).toMatchObject({
      topic: 'cases',
      type: 'case.reported',
      entity_id: created.id,
      departments: null,
    })
    expect(JSON.stringify(event?.data)).not.toContain('13800000000')
    // an inspector is the reporter; whatever else was sent is not stored
    const [row] = await queryRows<{ reporter: unknown }>(
      t.handle.db,
      sql`select reporter from city_cases where id = ${created.id}`,
    )
    expect(row?.reporter).toEqual({ userId: expect.any(String) })
  })

  it('lets the intake desk register a hotline report with the caller kept private', async () => {
    const res = await as('intake', 'POST', {
      ...REPORT,
      crs: 'BD09',
      location: [113.6866, 34.7861],
      reporter: { name: '李女士', phone: '13900000000' },
    })
    expect(res.status).toBe(201)
    const { case: created } = Created.parse(await res.json())
    expect(created.channel).toBe('hotline')
    const listed = await (await as('intake')).text()
    expect(listed).toContain(created.id)
    expect(listed).not.toMatch(/李女士|13900000000/)
  })

  it.each([
    ['operator', 403],
    ['admin', 403],
  ])('refuses %s (no case.report)', async (user, status) => {
    expect((await as(user, 'POST', REPORT)).status).toBe(status)
  })

  it('refuses API keys on POST /api/cases and bad input with 400', async () => {
    const byKey = await env.app.request('/api/cases', {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(REPORT),
    })
    expect(byKey.status).toBe(403)
    expect((await as('inspector', 'POST', { ...REPORT, categoryCode: '9999' })).status).toBe(400)
    expect((await as('inspector', 'POST', { ...REPORT, location: [116.4, 39.9] })).status).toBe(400)
    expect((await as('inspector', 'POST', { ...REPORT, channel: 'open311' })).status).toBe(400)
  })

  it('hides undispatched cases from handlers; lists with filters and paging', async () => {
    const created = await reportCase(
      t.handle.db,
      { actor: null, address: null },
      { ...REPORT, channel: 'wechat' },
      env.clock.now,
    )
    await t.handle.db.execute(
      sql`update city_cases set status = 'DISPATCHED', responsible_department = 'cgj' where id = ${created.case.id}`,
    )
    const handler = await listOf(await as('handler-cgj'))
    expect(handler.items.map((c) => c.id)).toEqual([created.case.id])
    expect((await listOf(await as('handler-sthjj'))).total).toBe(0)
    const all = await listOf(await as('leader'))
    expect(all.total).toBeGreaterThanOrEqual(3)
    const page = await listOf(
      await as('leader', 'GET', undefined, '/api/cases?status=REPORTED&limit=1&offset=1'),
    )
    expect(page.items).toHaveLength(1)
    expect(page.total).toBe(all.total - 1)
    const later = await (
      await as('leader', 'GET', undefined, '/api/cases?from=2026-11-21T00:00:00%2B08:00')
    ).json()
    expect(later).toEqual({ total: 0, items: [] })
    expect((await as('leader', 'GET', undefined, '/api/cases?status=OPEN')).status).toBe(400)
    expect((await as('admin')).status).toBe(403)
  })

  it('offers a live layer of open cases in the scope of the reader', async () => {
    const all = await readSnapshot(t.handle.db, casesLayer({ kind: 'all' }))
    const mine = await readSnapshot(
      t.handle.db,
      casesLayer({ kind: 'departments', codes: ['cgj'] }),
    )
    expect(all.features.length).toBeGreaterThanOrEqual(3)
    expect(mine.features).toHaveLength(1)
    expect(mine.features[0]?.properties).toMatchObject({
      status: 'DISPATCHED',
      responsibleDepartment: 'cgj',
    })
    expect(JSON.stringify(all)).not.toMatch(/reporter|13900000000/)
  })

  it('writes case, audit and event atomically: a failure at commit leaves none of them', async () => {
    // A deferred trigger fails the transaction at commit, after the event has been appended.
    const run = (statement: string) => t.handle.db.execute(sql.raw(statement))
    await run(`create function fail_case() returns trigger language plpgsql as $$
                 begin raise exception 'refused by test'; end $$`)
    await run(`create constraint trigger fail_case after insert on city_cases
                 deferrable initially deferred for each row when (new.description = 'FAIL')
                 execute function fail_case()`)
    const before = {
      cases: await count('city_cases'),
      events: await count('events'),
      audit: await count('audit_log'),
    }
    const [counter] = await queryRows<{ last_seq: number }>(
      t.handle.db,
      sql`select last_seq::int from event_counter`,
    )
    const failure: unknown = await reportCase(
      t.handle.db,
      { actor: null, address: null },
      { ...REPORT, description: 'FAIL', channel: 'hotline' },
      env.clock.now,
    ).catch((error: unknown) => error)
    expect(describeError(failure)).toMatch(/refused by test/)
    await run('drop trigger fail_case on city_cases')
    await run('drop function fail_case()')
    expect({
      cases: await count('city_cases'),
      events: await count('events'),
      audit: await count('audit_log'),
    }).toEqual(before)
    const [after] = await queryRows<{ last_seq: number }>(
      t.handle.db,
      sql`select last_seq::int from event_counter`,
    )
    expect(after?.last_seq).toBe(counter?.last_seq) // the seq was handed back: no gap
  })

  it('a failing insert (duplicate request number) appends no event', async () => {
    const before = await count('events')
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select last_value::int as n from city_case_number_seq`,
    )
    const next = `ZZ-20261120-${String(n + 1).padStart(6, '0')}`
    await t.handle.db
      .execute(sql`insert into city_cases (id, request_number, kind, category_code, status, description,
      location, district_code, channel, reported_at, updated_at, version)
      values ('squatter', ${next}, 'event', '0106', 'REPORTED', '', ST_SetSRID(ST_MakePoint(113.68, 34.78), 4326),
      '410105', 'hotline', now(), now(), 1)`)
    await expect(
      reportCase(
        t.handle.db,
        { actor: null, address: null },
        { ...REPORT, channel: 'hotline' },
        env.clock.now,
      ),
    ).rejects.toThrow()
    expect(await count('events')).toBe(before)
  })
})
