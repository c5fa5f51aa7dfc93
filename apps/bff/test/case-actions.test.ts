import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { reportCase } from '../src/services/cases/report-case'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// POST /api/cases/:id/actions and GET /api/cases/:id (docs/WORKFLOWS.md). The concurrency
// test matters most on PostgreSQL, where requests really run in parallel.

const REPORT = {
  kind: 'event' as const,
  categoryCode: '0106',
  description: '人行道乱堆杂物',
  address: '金水区花园路',
  location: [113.68, 34.78] as [number, number],
  gridCode: '41010500100101',
  reporter: {},
}

interface Answer {
  status: number
  body: Record<string, unknown> & { case?: { id: string; version: number; status: string } }
}

describe.each(DRIVERS)('case workflow API on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  const cookies = new Map<string, string>()
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  }, 60_000)
  afterAll(() => t?.dispose())

  const cookie = async (user: string) => {
    const known = cookies.get(user)
    if (known) return known
    const fresh = await loginAs(env.app, user)
    cookies.set(user, fresh)
    return fresh
  }
  let keyCounter = 0
  async function act(
    user: string,
    id: string,
    body: Record<string, unknown>,
    key = `k-${++keyCounter}`,
  ): Promise<Answer> {
    const init = asBrowser(await cookie(user), 'POST', body)
    const res = await env.app.request(`/api/cases/${id}/actions`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'idempotency-key': key },
    })
    return { status: res.status, body: (await res.json()) as Answer['body'] }
  }
  const get = async (user: string, id: string) =>
    env.app.request(`/api/cases/${id}`, asBrowser(await cookie(user)))
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: number }>(t.handle.db, query))[0]?.n)
  const auditFor = (id: string) =>
    count(
      sql`select count(*)::int as n from audit_log where object_id = ${id} and outcome = 'success'`,
    )
  const eventsFor = (id: string) =>
    count(sql`select count(*)::int as n from events where entity_id = ${id}`)

  async function newCase(channel: 'inspector' | 'hotline' = 'inspector') {
    const { case: c } = await reportCase(
      t.handle.db,
      { actor: null, address: null },
      { ...REPORT, channel },
      env.clock.now,
    )
    return c.id
  }
  async function filed() {
    const id = await newCase()
    expect((await act('intake', id, { action: 'accept', expectedVersion: 1 })).status).toBe(200)
    expect((await act('shiftlead', id, { action: 'file', expectedVersion: 2 })).status).toBe(200)
    return id
  }

  it('walks 受理 → 立案 → 派遣 with one audit entry and one event each, the deadline from the SLA', async () => {
    const id = await newCase()
    const accepted = await act('intake', id, { action: 'accept', expectedVersion: 1 })
    expect(accepted).toMatchObject({
      status: 200,
      body: { case: { status: 'ACCEPTED', version: 2 }, allowedActions: [] },
    })
    const filedCase = await act('shiftlead', id, { action: 'file', expectedVersion: 2 })
    // Fri 2026-11-20 10:00 + 5 工作日 (the default limit) = the next Friday 10:00
    expect(filedCase.body.case).toMatchObject({
      status: 'FILED',
      deadline: '2026-11-27T10:00:00+08:00',
    })
    const dispatched = await act('dispatcher', id, {
      action: 'dispatch',
      expectedVersion: 3,
      departmentCode: 'cgj',
    })
    expect(dispatched.body.case).toMatchObject({
      status: 'DISPATCHED',
      version: 4,
      responsibleDepartment: 'cgj',
      workflow: { dispatchCount: 1 },
    })
    expect(await auditFor(id)).toBe(4) // report + three actions
    expect(await eventsFor(id)).toBe(4)
    const [event] = await queryRows<Record<string, unknown>>(
      t.handle.db,
      sql`select type, version, departments from events where entity_id = ${id} order by seq desc limit 1`,
    )
    expect(event).toMatchObject({ type: 'case.dispatched', version: 4, departments: ['cgj'] })
    // the handler of cgj sees it and may act; another department's handler gets 404 both ways
    const mine = await get('handler-cgj', id)
    expect(mine.status).toBe(200)
    expect(await mine.json()).toMatchObject({ allowedActions: expect.arrayContaining(['dispose']) })
    expect((await get('handler-sthjj', id)).status).toBe(404)
    const foreign = await act('handler-sthjj', id, {
      action: 'dispose',
      expectedVersion: 4,
      note: 'x',
    })
    expect(foreign.status).toBe(404)
    const disposed = await act('handler-cgj', id, {
      action: 'dispose',
      expectedVersion: 4,
      note: '已清理',
    })
    expect(disposed.body.case).toMatchObject({ status: 'DISPOSED', version: 5 })
  })

  it('answers stale versions, refused states, roles and fields with 409 / 409 / 403 / 400', async () => {
    const id = await newCase('hotline')
    const stale = await act('intake', id, { action: 'accept', expectedVersion: 7 })
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'STALE_VERSION', case: { id, version: 1 } },
    })
    const notNow = await act('shiftlead', id, { action: 'close', expectedVersion: 1 })
    expect(notNow).toMatchObject({
      status: 409,
      body: { code: 'ACTION_NOT_ALLOWED', allowedActions: [] },
    })
    const byIntake = await act('intake', id, { action: 'close', expectedVersion: 1 })
    expect(byIntake.body.allowedActions).toEqual(['accept', 'invalidate'])
    const role = await act('inspector', id, { action: 'accept', expectedVersion: 1 })
    expect(role).toMatchObject({ status: 403, body: { code: 'ACTION_FORBIDDEN' } })
    const denied = await count(
      sql`select count(*)::int as n from audit_log where object_id = ${id} and action = 'permission.denied'`,
    )
    expect(denied).toBe(1)
    const fields = await act('intake', id, {
      action: 'invalidate',
      expectedVersion: 1,
      reason: ' ',
    })
    expect(fields.status).toBe(400)
    expect(JSON.stringify(fields.body.issues)).toMatch(/请说明作废理由 \/ Give the reason/)
    expect((await act('intake', id, { action: 'accept' })).status).toBe(400)
    const noKey = await env.app.request(
      `/api/cases/${id}/actions`,
      asBrowser(await cookie('intake'), 'POST', { action: 'accept', expectedVersion: 1 }),
    )
    expect(noKey.status).toBe(400)
    expect(
      (await act('intake', 'no-such-case', { action: 'accept', expectedVersion: 1 })).status,
    ).toBe(404)
    expect(await auditFor(id)).toBe(1) // only the report: nothing was applied
  })

  it('回退: the returning department hears of the approval, then loses sight of the case', async () => {
    const id = await filed()
    await act('dispatcher', id, { action: 'dispatch', expectedVersion: 3, departmentCode: 'cgj' })
    const asked = await act('handler-cgj', id, {
      action: 'requestReturn',
      expectedVersion: 4,
      reason: '非本部门职责',
    })
    expect(asked.body.case).toMatchObject({
      status: 'DISPATCHED',
      workflow: { pending: { kind: 'return', reason: '非本部门职责' } },
    })
    const approved = await act('dispatcher', id, { action: 'approveReturn', expectedVersion: 5 })
    expect(approved.body.case).toMatchObject({
      status: 'RETURNED',
      responsibleDepartment: null,
      workflow: { returnCount: 1, pending: null },
    })
    const [event] = await queryRows<Record<string, unknown>>(
      t.handle.db,
      sql`select type, departments from events where entity_id = ${id} order by seq desc limit 1`,
    )
    expect(event).toEqual({ type: 'case.returnApproved', departments: ['cgj'] })
    expect((await get('handler-cgj', id)).status).toBe(404)
  })

  it('applies an Idempotency-Key once and refuses it for another body with 422', async () => {
    const id = await newCase()
    const body = { action: 'accept', expectedVersion: 1 }
    const first = await act('intake', id, body, 'same-key')
    const again = await act('intake', id, { expectedVersion: 1, action: 'accept' }, 'same-key')
    expect(first.status).toBe(200)
    expect(again).toEqual(first)
    const other = await act(
      'intake',
      id,
      { action: 'invalidate', expectedVersion: 1, reason: 'x' },
      'same-key',
    )
    expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } })
    expect((await (await get('intake', id)).json()) as unknown).toMatchObject({
      case: { version: 2 },
    })
    expect(await auditFor(id)).toBe(2)
  })

  it('lets exactly one of 50 parallel dispatches through; parallel retries with one key apply once', async () => {
    const id = await filed()
    const before = { audit: await auditFor(id), events: await eventsFor(id) }
    await cookie('dispatcher')
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        act('dispatcher', id, { action: 'dispatch', expectedVersion: 3, departmentCode: 'cgj' }),
      ),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    expect(await auditFor(id)).toBe(before.audit + 1)
    expect(await eventsFor(id)).toBe(before.events + 1)
    const retried = await Promise.all(
      Array.from({ length: 10 }, () =>
        act(
          'dispatcher',
          id,
          { action: 'supervise', expectedVersion: 4, level: 'key', note: '加快' },
          'retry',
        ),
      ),
    )
    // a leader supervises; the dispatcher may not — so use a leader's key for the applied case
    expect(new Set(retried.map((r) => r.status))).toEqual(new Set([403]))
    const led = await Promise.all(
      Array.from({ length: 10 }, () =>
        act(
          'leader',
          id,
          { action: 'supervise', expectedVersion: 4, level: 'key', note: '加快' },
          'retry',
        ),
      ),
    )
    expect(led.map((r) => r.status)).toEqual(Array(10).fill(200))
    for (const r of led) expect(r.body).toEqual(led[0]?.body) // jsonb may reorder keys
    const [row] = await queryRows<{ version: number; supervision_count: number }>(
      t.handle.db,
      sql`select version, supervision_count from city_cases where id = ${id}`,
    )
    expect(row).toEqual({ version: 5, supervision_count: 1 })
    expect(await auditFor(id)).toBe(before.audit + 2)
  }, 60_000)
})
