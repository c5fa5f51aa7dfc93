import type { ReplayItem, ReplayPage } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { createIncident } from '../src/services/incidents/create-incident'
import { caseDriver, JINSHUI } from './support/case-driver'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// The time machine's replay (GET /api/analytics/replay) and the plan's targets
// (GET /api/analytics/targets, GET/PUT /api/admin/plan-targets), issue #7. The history is
// made through the real workflow API as the demo accounts.

const WINDOW = { from: '2026-11-18T00:00:00+08:00', to: '2026-11-19T00:00:00+08:00' }
const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]): [string, string][] =>
      v === undefined ? [] : [[k, String(v)]],
    ),
  ).toString()

describe.each(DRIVERS)('replay on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  let d: ReturnType<typeof caseDriver>
  let caseId = ''
  let incidentId = ''

  const incident = async (local: string) => {
    const { incident: i } = await createIncident(
      t.handle.db,
      { actor: null, address: null, source: 'manual' },
      {
        title: '仓库起火',
        description: '',
        category: 'fire',
        grade: 'III',
        location: JINSHUI,
        crs: 'WGS84',
        departments: [],
      },
      new Date(`${local}:00+08:00`),
    )
    return i
  }

  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    d = caseDriver(t, env)
    d.at('2026-11-18T09:00')
    caseId = (await d.report({ categoryCode: '0102' })).id
    d.at('2026-11-18T09:05') // three decisions at the same instant: ties are ordered by id
    await d.dispatched(caseId, 'cgj')
    d.at('2026-11-18T10:00')
    await d.act('handler-cgj', caseId, 'requestExtension', {
      until: '2026-11-20T18:00:00+08:00',
      reason: '需要吊车',
    })
    await d.act('shiftlead', caseId, 'approveExtension')
    d.at('2026-11-18T11:00')
    await d.act('handler-cgj', caseId, 'dispose', { note: '已清运' })
    await d.checkedAndClosed(caseId)
    const fire = await incident('2026-11-18T09:30')
    incidentId = fire.id
    d.at('2026-11-18T09:40')
    const init = asBrowser(await loginAs(env.app, 'operator'), 'POST', {
      action: 'assign',
      expectedVersion: fire.version,
      departmentCode: 'cgj',
    })
    const assigned = await env.app.request(`/api/incidents/${fire.id}/actions`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'idempotency-key': 'assign-1' },
    })
    expect(assigned.status, await assigned.clone().text()).toBe(200)
    await incident('2026-11-17T23:59') // outside the window
  }, 120_000)
  afterAll(() => t?.dispose())

  const page = async (params: Record<string, string | number | undefined>, user = 'leader') => {
    const { status, body } = await d.get(user, `/api/analytics/replay?${q(params)}`)
    expect(status, JSON.stringify(body)).toBe(200)
    return body as unknown as ReplayPage
  }
  const all = async (limit: number, between?: () => Promise<void>) => {
    const items: ReplayItem[] = []
    let cursor: string | undefined
    for (let n = 0; n < 100; n++) {
      const p = await page({ ...WINDOW, limit, cursor })
      items.push(...p.items)
      if (!p.nextCursor) return items
      cursor = p.nextCursor
      await between?.()
    }
    throw new Error('the replay never ended')
  }
  const key = (i: ReplayItem) => `${i.kind}|${i.subjectId}|${i.at}|${i.category}`

  it('orders reports and decisions by time, with actor, detail and summaries', async () => {
    const items = await all(1000)
    const ats = items.map((i) => i.at)
    expect(ats).toEqual([...ats].sort())
    const caseItems = items.filter((i) => i.subjectId === caseId).map((i) => i.category)
    expect(caseItems).toEqual([
      '0102',
      'accept',
      'file',
      'dispatch',
      'requestExtension',
      'approveExtension',
      'dispose',
      'assignCheck',
      'checkPass',
      'close',
    ])
    expect(items.filter((i) => i.kind === 'incident.reported')).toHaveLength(1)
    const dispatch = items.find((i) => i.category === 'dispatch')
    expect(dispatch).toMatchObject({
      kind: 'decision',
      subjectType: 'case',
      at: '2026-11-18T01:05:00.000Z',
      actor: { name: '派遣员（演示）', role: 'dispatcher' },
      detail: { departmentCode: 'cgj', department: 'cgj', statusAfter: 'DISPATCHED' },
    })
    expect(dispatch?.position?.[0]).toBeCloseTo(JINSHUI[0], 5)
    expect(dispatch?.summary.zh).toMatch(/^派遣员（演示）（派遣员）派遣至 .*城市管理局.*（案件 ZZ-/)
    expect(dispatch?.summary.en).toMatch(/\(dispatcher\) dispatched to .* \(case ZZ-/)
    const extension = items.find((i) => i.category === 'approveExtension')
    expect(extension?.detail.deadline).toBeTruthy()
    expect(extension?.summary.zh).toMatch(/批准延期，处置时限改为 2026-11-20 18:00/)
    const assign = items.find((i) => i.subjectId === incidentId && i.kind === 'decision')
    expect(assign).toMatchObject({
      subjectType: 'incident',
      category: 'assign',
      actor: { role: 'operator', name: '应急值守员（演示）' },
      detail: { departmentCode: 'cgj' },
    })
    expect(assign?.summary.zh).toMatch(/^应急值守员（演示）（应急值守员）/)
  })

  it('pages by cursor through everything exactly once, even with inserts between pages', async () => {
    const whole = (await all(1000)).map(key)
    const seen = await all(2, async () => {
      await incident('2026-11-18T23:00') // after every cursor: must show up once
      await incident('2026-11-18T00:01') // before every cursor: a later page cannot show it
    })
    const extra = seen.filter((i) => !whole.includes(key(i)))
    expect(seen.map(key).filter((k) => whole.includes(k))).toEqual(whole)
    expect(new Set(seen.map(key)).size).toBe(seen.length)
    expect(extra.every((i) => i.at === '2026-11-18T15:00:00.000Z')).toBe(true)
    expect(extra.length).toBeGreaterThan(0)
  })

  it('refuses a bad cursor or window with a bilingual 400, and needs thematic.view', async () => {
    const bad = await d.get('leader', `/api/analytics/replay?${q({ ...WINDOW, cursor: 'xyz' })}`)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/cursor 无效.* \/ The cursor/)
    const backwards = await d.get(
      'leader',
      `/api/analytics/replay?${q({ from: WINDOW.to, to: WINDOW.from })}`,
    )
    expect(backwards.status).toBe(400)
    expect(backwards.body.error).toMatch(/结束时间须晚于开始时间 \/ to must be later/)
    expect((await d.get('dispatcher', `/api/analytics/replay?${q(WINDOW)}`)).status).toBe(200)
    for (const user of ['handler-cgj', 'intake', 'inspector', 'admin']) {
      expect((await d.get(user, `/api/analytics/replay?${q(WINDOW)}`)).status).toBe(403)
    }
  })
})

describe.each(DRIVERS)('plan targets on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  }, 60_000)
  afterAll(() => t?.dispose())

  const call = async (user: string, method: string, path: string, body?: unknown) => {
    const res = await env.app.request(path, asBrowser(await loginAs(env.app, user), method, body))
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const goalOf = (body: Record<string, unknown>, indicator: string) =>
    (body.targets as { indicator: string; value: number }[]).find((x) => x.indicator === indicator)
      ?.value

  it('serves the defaults, saves with the version seen, refuses a stale one', async () => {
    const first = await call('leader', 'GET', '/api/analytics/targets')
    expect(first.status).toBe(200)
    expect(first.body.version).toBe(0)
    expect(goalOf(first.body, 'cases.closureRate')).toBe(0.9)
    expect(goalOf(first.body, 'traffic.arterialSpeedMean')).toBe(40)

    const goals = { closureRate: 0.95, onTimeRate: 0.85 }
    const saved = await call('admin', 'PUT', '/api/admin/plan-targets', {
      expectedVersion: 0,
      goals,
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toMatchObject({ version: 1, goals })
    const stale = await call('admin', 'PUT', '/api/admin/plan-targets', {
      expectedVersion: 0,
      goals: { closureRate: 0.5, onTimeRate: 0.5 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatch(/当前版本 1.*\/ .*now version 1/)
    const second = await call('admin', 'PUT', '/api/admin/plan-targets', {
      expectedVersion: 1,
      goals: { closureRate: 0.92, onTimeRate: 0.8 },
    })
    expect(second.body).toMatchObject({ version: 2 })
    const now = await call('dispatcher', 'GET', '/api/analytics/targets')
    expect(now.body.version).toBe(2)
    expect(goalOf(now.body, 'cases.closureRate')).toBe(0.92)
    expect((await call('admin', 'GET', '/api/admin/plan-targets')).body).toMatchObject({
      version: 2,
      goals: { closureRate: 0.92, onTimeRate: 0.8 },
    })

    const audit = await queryRows<{ before: unknown; after: unknown }>(
      t.handle.db,
      sql`select before, after from audit_log where action = 'planTargets.update' order by seq`,
    )
    expect(audit).toEqual([
      {
        before: { version: 0, goals: { closureRate: 0.9, onTimeRate: 0.8 } },
        after: { version: 1, goals },
      },
      {
        before: { version: 1, goals },
        after: { version: 2, goals: { closureRate: 0.92, onTimeRate: 0.8 } },
      },
    ])
    const events = await queryRows<{ version: number }>(
      t.handle.db,
      sql`select version from events where type = 'planTargets.updated' order by seq`,
    )
    expect(events.map((e) => e.version)).toEqual([1, 2])
    // the change is a decision in the replay too
    const replay = await call(
      'leader',
      'GET',
      `/api/analytics/replay?${q({ from: '2026-11-19T00:00:00Z', to: '2026-11-21T00:00:00Z' })}`,
    )
    const items = (replay.body as unknown as ReplayPage).items
    expect(items.filter((i) => i.subjectType === 'settings').map((i) => i.summary.en)).toEqual([
      expect.stringMatching(/\(system administrator\) changed the case goals/),
      expect.stringMatching(/changed the case goals/),
    ])
  })

  it.each([
    [{ expectedVersion: 0, goals: { closureRate: 1.5, onTimeRate: 0.8 } }, 'goals.closureRate'],
    [{ expectedVersion: 0, goals: { closureRate: 0, onTimeRate: 0.8 } }, 'goals.closureRate'],
    [{ expectedVersion: 0, goals: { closureRate: 0.9 } }, 'goals.onTimeRate'],
    [{ goals: { closureRate: 0.9, onTimeRate: 0.8 } }, 'expectedVersion'],
    [{ expectedVersion: 0, goals: { closureRate: 0.9, onTimeRate: 0.8, x: 1 } }, 'goals'],
  ])('refuses %j with a bilingual 400', async (body, path) => {
    const res = await call('admin', 'PUT', '/api/admin/plan-targets', body)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatch(/[\u4e00-\u9fff].* \/ /)
    expect((res.body.issues as { path: string }[]).map((i) => i.path)).toContain(path)
  })

  it('keeps the goals to administrators and the targets to thematic viewers', async () => {
    expect((await call('leader', 'GET', '/api/admin/plan-targets')).status).toBe(403)
    const put = await call('shiftlead', 'PUT', '/api/admin/plan-targets', {
      expectedVersion: 0,
      goals: { closureRate: 0.5, onTimeRate: 0.5 },
    })
    expect(put.status).toBe(403)
    expect((await call('handler-cgj', 'GET', '/api/analytics/targets')).status).toBe(403)
  })
})
