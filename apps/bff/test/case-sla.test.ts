import { DEFAULT_CASE_SLA } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { checkCaseSla } from '../src/services/case-sla/check-case-sla'
import { caseDriver } from './support/case-driver'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// The editable 处置时限 configuration (GET/PUT /api/admin/case-sla) and the SLA watch: each
// warning once per deadline, even with several checks at once, and the escalation ladder.

describe.each(DRIVERS)('case SLA on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  let d: ReturnType<typeof caseDriver>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    d = caseDriver(t, env)
  }, 60_000)
  afterAll(() => t?.dispose())

  const rows = (query: ReturnType<typeof sql>) =>
    queryRows<Record<string, unknown>>(t.handle.db, query)

  it('stores the configuration with a version: 422 for a bad one, 409 for a stale one', async () => {
    d.at('2026-11-16T08:00')
    expect(await d.get('admin', '/api/admin/case-sla')).toMatchObject({
      status: 200,
      body: { version: 0, config: DEFAULT_CASE_SLA, updatedAt: null },
    })
    const bad = await d.send('admin', 'PUT', '/api/admin/case-sla', {
      expectedVersion: 0,
      config: { ...DEFAULT_CASE_SLA, limits: { 'event:1': { amount: 0, unit: 'workDays' } } },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^limits/) })]),
    )
    const config = {
      ...DEFAULT_CASE_SLA,
      limits: { ...DEFAULT_CASE_SLA.limits, 'event:0106': { amount: 2, unit: 'hours' } },
    }
    const stale = await d.send('admin', 'PUT', '/api/admin/case-sla', {
      expectedVersion: 3,
      config,
    })
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'STALE_VERSION', current: { version: 0 } },
    })
    const saved = await d.send('admin', 'PUT', '/api/admin/case-sla', {
      expectedVersion: 0,
      config,
    })
    expect(saved).toMatchObject({ status: 200, body: { version: 1, config } })
    const again = await d.send('admin', 'PUT', '/api/admin/case-sla', {
      expectedVersion: 0,
      config,
    })
    expect(again.status).toBe(409)
    expect((await d.get('dispatcher', '/api/admin/case-sla')).status).toBe(403)
    expect(
      await rows(sql`select count(*)::int as n from audit_log where action = 'caseSla.update'`),
    ).toEqual([{ n: 1 }])
    expect(await rows(sql`select version from events where type = 'caseSla.updated'`)).toEqual([
      { version: 1 },
    ])

    // the action path uses the stored limits: 乱堆物堆料 now gets 2 natural hours at 立案
    const c = await d.report({ categoryCode: '0106' })
    await d.act('intake', c.id, 'accept')
    const filed = await d.act('shiftlead', c.id, 'file')
    expect(filed.case).toMatchObject({ deadline: '2026-11-16T10:00:00+08:00' })
    const back = await d.send('admin', 'PUT', '/api/admin/case-sla', {
      expectedVersion: 1,
      config: DEFAULT_CASE_SLA,
    })
    expect(back.status).toBe(200)
  })

  it('warns once per deadline across concurrent checks and escalates when the ladder says so', async () => {
    d.at('2026-11-16T09:00')
    const ladder = { ...DEFAULT_CASE_SLA, escalation: [{ on: 'overdue', level: 'routine' }] }
    const current = (await d.get('admin', '/api/admin/case-sla')).body.version
    const put = await d.send('admin', 'PUT', '/api/admin/case-sla', {
      expectedVersion: current,
      config: ladder,
    })
    expect(put.status).toBe(200)
    const garbage = await d.report({ categoryCode: '0102' }) // 1 工作日: due Tue 09:00
    await d.dispatched(garbage.id, 'cgj')
    const run = (local: string) => checkCaseSla(t.handle.db, new Date(`${local}:00+08:00`))
    const mine = (r: Awaited<ReturnType<typeof run>>) =>
      r.emitted.filter((e) => e.caseId === garbage.id)

    // Monday 15:00: 150 + 30 = 180 of 450 working minutes left — not yet (under 90 is)
    expect(mine(await run('2026-11-16T15:00'))).toEqual([])
    // Tuesday 08:40: 20 minutes left, under 20 %
    expect(mine(await run('2026-11-17T08:40'))).toEqual([
      { caseId: garbage.id, warning: 'breachSoon', escalated: false },
    ])
    expect(mine(await run('2026-11-17T08:50'))).toEqual([])
    // overdue: three nodes check at once, one of them emits and escalates
    const together = await Promise.all([
      run('2026-11-17T10:00'),
      run('2026-11-17T10:00'),
      run('2026-11-17T10:00'),
    ])
    expect(together.flatMap(mine)).toEqual([
      { caseId: garbage.id, warning: 'overdue', escalated: true },
    ])
    expect(mine(await run('2026-11-18T10:00'))).toEqual([])

    const events = await rows(
      sql`select type, departments, data->'sla'->>'overdue' as overdue from events
          where entity_id = ${garbage.id}
            and type in ('case.breachSoonWarned', 'case.overdueWarned', 'case.supervised')
          order by seq`,
    )
    expect(events).toEqual([
      { type: 'case.breachSoonWarned', departments: ['cgj'], overdue: 'false' },
      { type: 'case.supervised', departments: ['cgj'], overdue: null },
      { type: 'case.overdueWarned', departments: ['cgj'], overdue: 'true' },
    ])
    expect(
      await rows(
        sql`select actor_id, after->>'status' as status from audit_log
            where object_id = ${garbage.id} and action = 'case.supervise'`,
      ),
    ).toEqual([{ actor_id: 'system:sla', status: 'DISPATCHED' }])
    d.at('2026-11-17T10:05')
    const detail = await d.get('dispatcher', `/api/cases/${garbage.id}`)
    expect(detail.body.case).toMatchObject({
      supervision: { level: 'routine', at: '2026-11-17T10:00:00+08:00' },
      sla: { overdue: true },
    })
  })

  it('emits nothing without an applicable clock or with the ladder off', async () => {
    d.at('2026-11-19T09:00')
    const current = (await d.get('admin', '/api/admin/case-sla')).body.version
    await d.send('admin', 'PUT', '/api/admin/case-sla', {
      expectedVersion: current,
      config: DEFAULT_CASE_SLA,
    })
    const handled = await d.report({ categoryCode: '0102' })
    await d.dispatched(handled.id, 'cgj')
    await d.act('handler-cgj', handled.id, 'dispose', { note: '已清理' })
    const overdue = await d.report({ categoryCode: '0102' })
    await d.dispatched(overdue.id, 'szgc')
    const result = await checkCaseSla(t.handle.db, new Date('2026-11-23T10:00:00+08:00'))
    const ids = result.emitted.map((e) => e.caseId)
    expect(ids).not.toContain(handled.id) // DISPOSED: the 处置 clock has stopped
    expect(result.emitted.filter((e) => e.caseId === overdue.id)).toEqual([
      { caseId: overdue.id, warning: 'overdue', escalated: false },
    ])
  })
})
