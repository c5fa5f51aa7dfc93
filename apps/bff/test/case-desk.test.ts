import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { caseDriver } from './support/case-driver'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// The dispatcher's desk: the queue (filters, time-to-breach order, SLA and 督办 per case), the
// explained 派遣 suggestion with duplicates, and 综合评价 from the case history. Every case is
// built through the real action API.

type Item = { id: string; sla: Record<string, unknown> | null; supervision: unknown }
type Listing = { total: number; items: Item[] }

describe.each(DRIVERS)('dispatcher desk on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  let d: ReturnType<typeof caseDriver>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    d = caseDriver(t, env)
  }, 60_000)
  afterAll(() => t?.dispose())

  const list = async (query: string, user = 'dispatcher') => {
    const { status, body } = await d.get(user, `/api/cases?${query}`)
    expect(status).toBe(200)
    return body as unknown as Listing
  }

  it('filters and sorts the queue by time to breach, with SLA, 督办 and counters', async () => {
    d.at('2026-11-16T08:57') // Monday; this test's cases are reported this day only
    const garbage = await d.report({ categoryCode: '0102' }) // 1 工作日
    d.at('2026-11-16T08:58') // distinct report times make "newest" deterministic
    const piled = await d.report({ categoryCode: '0106' }) // default 5 工作日
    d.at('2026-11-16T08:59')
    const manhole = await d.report({
      kind: 'component',
      categoryCode: '0101', // 公用设施: 2 工作日
      componentId: '4101050101000001',
      description: '上水井盖破损',
    })
    d.at('2026-11-16T09:00')
    const fresh = await d.report({ categoryCode: '0106', description: '刚上报未受理' })
    await d.dispatched(garbage.id, 'cgj') // deadline Tue 09:00
    await d.dispatched(piled.id, 'cg-410105') // Mon 11-23 09:00
    await d.dispatched(manhole.id, 'szgc') // Wed 09:00
    d.at('2026-11-16T10:00')
    await d.act('leader', manhole.id, 'supervise', { level: 'key', note: '尽快修复' })
    d.at('2026-11-17T10:00') // Tuesday: garbage is 60 working minutes late
    const window = 'from=2026-11-16T00:00:00%2B08:00&to=2026-11-17T00:00:00%2B08:00'

    const queue = await list(`${window}&sort=breach`)
    expect(queue.items.map((i) => i.id)).toEqual([garbage.id, manhole.id, piled.id, fresh.id])
    expect(queue.items[0]?.sla).toEqual({
      deadline: '2026-11-17T09:00:00+08:00',
      remainingMinutes: -60,
      overdue: true,
      breachSoon: false,
      paused: false,
      predictedBreach: null, // cgj has no handling history yet
    })
    // 2 工作日 = 900 working minutes; Tue 10:00 → Wed 09:00 is 2 + 4 + 0.5 h = 390 left
    expect(queue.items[1]).toMatchObject({
      sla: { remainingMinutes: 390, overdue: false, breachSoon: false },
      supervision: { level: 'key', note: '尽快修复', at: '2026-11-16T10:00:00+08:00' },
      reworkCount: 0,
      returnCount: 0,
    })
    expect(queue.items[3]).toMatchObject({ sla: null, supervision: null })
    const newest = await list(window)
    expect(newest.items.map((i) => i.id)).toEqual([fresh.id, manhole.id, piled.id, garbage.id])

    const ids = async (query: string) => (await list(`${window}&${query}`)).items.map((i) => i.id)
    expect(await ids('overdue=true')).toEqual([garbage.id])
    expect(await ids('overdue=false&sort=breach')).toEqual([manhole.id, piled.id, fresh.id])
    expect(await ids('supervised=true')).toEqual([manhole.id])
    expect(await ids('department=szgc')).toEqual([manhole.id])
    expect(await ids('category=0102')).toEqual([garbage.id])
    // 大类 01 of both kinds (事件 市容环境 and 部件 公用设施)
    expect(await ids('category=01&sort=breach')).toEqual([
      garbage.id,
      manhole.id,
      piled.id,
      fresh.id,
    ])
    expect(await ids('category=04')).toEqual([])
    expect(await ids(`district=${garbage.districtCode}&overdue=true`)).toEqual([garbage.id])
    expect(await ids('district=410106')).toEqual([])
    expect(await ids(`q=${piled.requestNumber}`)).toEqual([piled.id])
    expect(await ids('q=刚上报')).toEqual([fresh.id])
    expect((await list(`${window}&supervised=true&limit=1`)).total).toBe(1)
    // the old parameters still work, and bad ones are refused with a message
    expect(await ids('status=REPORTED')).toEqual([fresh.id])
    expect(await ids('state=REPORTED')).toEqual([fresh.id])
    expect((await d.get('dispatcher', '/api/cases?category=1')).status).toBe(400)
    expect((await d.get('dispatcher', '/api/cases?sort=random')).status).toBe(400)

    // the detail carries the same fields; a handler sees only their department's queue
    const detail = await d.get('dispatcher', `/api/cases/${manhole.id}`)
    expect(detail.body.case).toMatchObject({
      supervision: { level: 'key' },
      sla: { remainingMinutes: 390 },
    })
    expect((await list(window, 'handler-cgj')).items.map((i) => i.id)).toEqual([garbage.id])
  })

  it('suggests departments with reasons and flags probable duplicates', async () => {
    d.at('2026-11-18T08:00')
    // away from the first test's manhole (which would be a duplicate within 72 h)
    const base = [113.7, 34.76] as [number, number]
    const manhole = await d.report({
      location: base,
      kind: 'component',
      categoryCode: '0101',
      componentId: '4101050101000002',
      description: '上水井盖缺失',
    })
    const near = await d.report({
      kind: 'component',
      categoryCode: '0101',
      location: [113.7005, 34.76], // ~46 m east
    })
    const far = await d.report({
      kind: 'component',
      categoryCode: '0101',
      location: [113.71, 34.76], // ~900 m east
    })
    const other = await d.report({
      kind: 'component',
      categoryCode: '0102', // same place, another category
      location: [113.7, 34.7601],
    })
    const closedTwin = await d.report({ kind: 'component', categoryCode: '0101', location: base })
    await d.act('intake', closedTwin.id, 'invalidate', { reason: '重复', duplicateOf: manhole.id })
    d.at('2026-11-21T10:00') // 74 h after the first reports: outside the window
    const late = await d.report({ kind: 'component', categoryCode: '0101', location: base })
    void far
    void other

    const { status, body } = await d.get('intake', `/api/cases/${manhole.id}/suggestion`)
    expect(status).toBe(200)
    const openAt = async (code: string) =>
      Number(
        (
          await queryRows<{ n: number }>(
            t.handle.db,
            sql`select count(*)::int as n from city_cases where responsible_department = ${code}
                and status in ('DISPATCHED', 'SUSPENDED')`,
          )
        )[0]?.n,
      )
    const szgcOpen = await openAt('szgc')
    expect(body).toMatchObject({
      caseId: manhole.id,
      departments: [
        {
          departmentCode: 'szgc',
          departmentName: '郑州市市政工程管理处',
          reasons: [
            { kind: 'componentOwner', componentId: '4101050101000002' },
            { kind: 'categoryRoute' },
            // the first test's manhole fell due at szgc on 11-18 and is still open: 0 of 1
            { kind: 'onTimeRate', rate: 0, days: 30 },
            { kind: 'openCases', count: szgcOpen },
          ],
          summary: {
            zh: `部件权属单位；30天按期率0%；在办${szgcOpen}件`,
            en: `owner of the component; 0% on time in 30 days; ${szgcOpen} open`,
          },
        },
        {
          departmentCode: 'cg-410105',
          reasons: [
            {
              kind: 'gridOwner',
              gridCode: '41010500100101',
              districtCode: '410105',
              isDerivedFromDistrict: true,
            },
            { kind: 'onTimeRate', rate: null }, // nothing fell due at the district office
            { kind: 'openCases' },
          ],
        },
      ],
    })
    const duplicates = body.duplicates as { id: string; distanceM: number; status: string }[]
    expect(duplicates.map((x) => x.id)).toEqual([near.id])
    expect(duplicates[0]?.distanceM).toBeGreaterThan(40)
    expect(duplicates[0]?.distanceM).toBeLessThan(50)
    expect(duplicates[0]).toMatchObject({
      status: 'REPORTED',
      categoryCode: '0101',
      requestNumber: near.requestNumber,
    })
    // the late report sees the earlier ones only within 72 h: none of them
    const fromLate = await d.get('intake', `/api/cases/${late.id}/suggestion`)
    expect(fromLate.body.duplicates).toEqual([])
    expect((await d.get('handler-cgj', `/api/cases/${manhole.id}/suggestion`)).status).toBe(404)
  })

  it('derives 综合评价 from the history, equal to a hand count', async () => {
    // four cases reported Tue 2026-12-01 10:00, 乱堆物堆料: 5 工作日 → due Tue 12-08 10:00
    d.at('2026-12-01T10:00')
    const [k1, k2, k3, k4] = [
      await d.report(),
      await d.report(),
      await d.report(),
      await d.report(),
    ]
    if (!k1 || !k2 || !k3 || !k4) throw new Error('reports missing')
    await d.dispatched(k1.id, 'cgj')
    await d.dispatched(k2.id, 'cgj')
    await d.dispatched(k3.id, 'szgc')
    await d.dispatched(k4.id, 'szgc')
    // k3: 回退 by szgc, re-派遣 to cgj (restarts the clock: still due 12-08 10:00), left open
    await d.act('handler-szgc', k3.id, 'requestReturn', { reason: '非本部门职责' })
    await d.act('dispatcher', k3.id, 'approveReturn')
    await d.act('dispatcher', k3.id, 'dispatch', { departmentCode: 'cgj' })
    d.at('2026-12-02T10:00') // k1 handled in 24 h, closed on time
    await d.act('handler-cgj', k1.id, 'dispose', { note: '已清理' })
    await d.act('handler-cgj', k2.id, 'dispose', { note: '已清理' })
    await d.checkedAndClosed(k1.id)
    await d.act('intake', k2.id, 'assignCheck') // k2: 核查 fails (返工)
    await d.act('inspector', k2.id, 'checkFail', { reason: '未清理干净' })
    d.at('2026-12-03T10:00') // k4 handled in 48 h, closed on time
    await d.act('handler-szgc', k4.id, 'dispose', { note: '已修复' })
    await d.checkedAndClosed(k4.id)
    d.at('2026-12-09T10:00') // k2 handled again after its deadline: closed late, 192 h
    await d.act('handler-cgj', k2.id, 'dispose', { note: '返工完成' })
    await d.checkedAndClosed(k2.id)

    const window = 'from=2026-12-01T00:00:00%2B08:00&to=2027-01-01T00:00:00%2B08:00'
    const byDepartment = await d.get('leader', `/api/kpis/cases?groupBy=department&${window}`)
    expect(byDepartment.status).toBe(200)
    // hand count: cgj holds k1, k2, k3 (due 3, closed k1 k2, on time k1, rework k2, dispatched
    // k1 k2 k3-again); szgc holds k4 (and was dispatched k3, which it returned)
    expect(byDepartment.body).toEqual({
      groupBy: 'department',
      from: '2026-12-01T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
      rows: [
        {
          code: 'cgj',
          name: '郑州市城市管理局',
          due: 3,
          closed: 2,
          closedOnTime: 1,
          reworked: 1,
          returned: 0,
          dispatched: 3,
          closureRate: 2 / 3,
          onTimeRate: 1 / 3,
          reworkRate: 1 / 3,
          returnRate: 0,
          avgHandlingHours: 108, // (24 + 192) / 2
        },
        {
          code: 'szgc',
          name: '郑州市市政工程管理处',
          due: 1,
          closed: 1,
          closedOnTime: 1,
          reworked: 0,
          returned: 1,
          dispatched: 2,
          closureRate: 1,
          onTimeRate: 1,
          reworkRate: 0,
          returnRate: 0.5,
          avgHandlingHours: 48,
        },
      ],
      total: {
        due: 4,
        closed: 3,
        closedOnTime: 2,
        reworked: 1,
        returned: 1,
        dispatched: 5,
        closureRate: 0.75,
        onTimeRate: 0.5,
        reworkRate: 0.25,
        returnRate: 0.2,
        avgHandlingHours: 88, // (24 + 192 + 48) / 3
      },
    })
    const byDistrict = await d.get('dispatcher', `/api/kpis/cases?groupBy=district&${window}`)
    expect(byDistrict.body.rows).toEqual([
      expect.objectContaining({
        code: k1.districtCode,
        due: 4,
        closed: 3,
        returned: 1,
        dispatched: 5,
      }),
    ])
    const mine = await d.get('handler-cgj', `/api/kpis/cases?groupBy=department&${window}`)
    expect((mine.body.rows as { code: string }[]).map((r) => r.code)).toEqual(['cgj'])
    const bad = await d.get(
      'leader',
      '/api/kpis/cases?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    )
    expect(bad.status).toBe(422)
    expect((await d.get('admin', '/api/kpis/cases')).status).toBe(403)

    // k3 is past its deadline, so the prediction says breach too
    const queue = await d.get('dispatcher', `/api/cases?department=cgj&status=DISPATCHED&${window}`)
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        id: k3.id,
        sla: expect.objectContaining({ overdue: true, predictedBreach: true }),
      }),
    ])
  })
  it('tells who each 核查 was given to, so an inspector lists only theirs and the open ones', async () => {
    d.at('2027-01-11T09:00') // a Monday after every other test's window (the clock only moves on)
    const me = await d.get('inspector', '/api/me')
    const inspectorId = (me.body as { user: { id: string } }).user.id
    const given = await d.report()
    const open = await d.report()
    for (const c of [given, open]) {
      await d.dispatched(c.id, 'cgj')
      await d.act('handler-cgj', c.id, 'dispose', { note: '已清理' })
    }
    await d.act('intake', given.id, 'assignCheck', { inspector: inspectorId })
    await d.act('intake', open.id, 'assignCheck')
    const { body } = await d.get(
      'inspector',
      '/api/cases?status=CHECKING&from=2027-01-11T00:00:00%2B08:00&to=2027-01-12T00:00:00%2B08:00',
    )
    const items = (body as { items: { id: string; checkInspector: string | null }[] }).items
    expect(Object.fromEntries(items.map((c) => [c.id, c.checkInspector]))).toEqual({
      [given.id]: inspectorId,
      [open.id]: null,
    })
  })
  it('lists the cases with an open request and says which request, for the shift lead', async () => {
    d.at('2027-01-12T09:00') // after the test above (the clock only moves on)
    const asked = await d.report()
    const quiet = await d.report()
    for (const c of [asked, quiet]) await d.dispatched(c.id, 'cgj')
    await d.act('handler-cgj', asked.id, 'requestReturn', { reason: '不属于本部门职责' })
    const day = 'from=2027-01-12T00:00:00%2B08:00&to=2027-01-13T00:00:00%2B08:00'
    const ids = async (query: string) => {
      const { body } = await d.get('shiftlead', `/api/cases?status=DISPATCHED&${day}&${query}`)
      const items = (body as { items: { id: string; pendingRequest: string | null }[] }).items
      return Object.fromEntries(items.map((c) => [c.id, c.pendingRequest]))
    }
    expect(await ids('pending=true')).toEqual({ [asked.id]: 'return' })
    expect(await ids('pending=false')).toEqual({ [quiet.id]: null })
    expect((await d.get('shiftlead', '/api/cases?pending=maybe')).status).toBe(400)
    // once decided, the request is gone from the list
    await d.act('dispatcher', asked.id, 'rejectReturn') // 回退 is the dispatcher's to decide
    expect(await ids('pending=true')).toEqual({})
  })
})
