import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { createIncident } from '../src/services/incidents/create-incident'
import { caseDriver, JINSHUI } from './support/case-driver'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// GET /api/incidents: the rows behind the thematic maps' incident counts (issue #7), with the
// choropleth's filter names, paged newest first, within the reader's department scope.

type Item = {
  id: string
  category: string
  grade: string
  status: string
  reportedAt: string
  assignments: { total: number; finished: number }
}
type Listing = { total: number; items: Item[] }

const ZHONGYUAN = [113.6, 34.75] as [number, number]
const DAY = 'from=2026-11-18T00:00:00%2B08:00&to=2026-11-19T00:00:00%2B08:00'

describe.each(DRIVERS)('incident listing on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  let d: ReturnType<typeof caseDriver>
  const made: { id: string; at: Date; category: string; grade: string; dept: string[] }[] = []

  const make = async (
    hour: number,
    category: 'fire' | 'trafficAccident' | 'flood',
    grade: 'II' | 'III' | 'IV',
    location: [number, number],
    departments: string[] = [],
  ) => {
    const at = new Date(`2026-11-18T${String(hour).padStart(2, '0')}:00:00+08:00`)
    const input = { title: `测试 ${hour}`, description: '', category, grade, location }
    const created = await createIncident(
      t.handle.db,
      { actor: null, address: null, source: 'manual' },
      { ...input, crs: 'WGS84', departments },
      at,
    )
    made.push({ id: created.incident.id, at, category, grade, dept: departments })
  }

  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    d = caseDriver(t, env)
    await make(8, 'fire', 'III', JINSHUI, ['cgj'])
    await make(9, 'trafficAccident', 'IV', ZHONGYUAN)
    await make(10, 'fire', 'IV', ZHONGYUAN, ['szgc'])
    await make(11, 'flood', 'II', JINSHUI)
    await make(12, 'fire', 'IV', JINSHUI, ['cgj', 'szgc'])
    // outside the window
    const outside = { title: '前一天', description: '', category: 'fire', grade: 'IV' } as const
    await createIncident(
      t.handle.db,
      { actor: null, address: null, source: 'manual' },
      { ...outside, location: JINSHUI, crs: 'WGS84', departments: ['cgj'] },
      new Date('2026-11-17T12:00:00+08:00'),
    )
  }, 60_000)
  afterAll(() => t?.dispose())

  const list = async (query: string, user = 'operator') => {
    const { status, body } = await d.get(user, `/api/incidents?${query}`)
    expect(status, JSON.stringify(body)).toBe(200)
    return body as unknown as Listing
  }
  const newestFirst = (rows: typeof made) =>
    [...rows].sort((a, b) => b.at.getTime() - a.at.getTime()).map((r) => r.id)

  it('lists the window newest first, and pages cover it exactly once', async () => {
    const all = await list(DAY)
    expect(all.total).toBe(5)
    expect(all.items.map((i) => i.id)).toEqual(newestFirst(made))
    const paged: string[] = []
    for (let offset = 0; offset < 5; offset += 2) {
      const page = await list(`${DAY}&limit=2&offset=${offset}`)
      expect(page.total).toBe(5)
      expect(page.items.length).toBe(Math.min(2, 5 - offset))
      paged.push(...page.items.map((i) => i.id))
    }
    expect(paged).toEqual(all.items.map((i) => i.id))
    // without a window: every incident, the day before too
    expect((await list('limit=500')).total).toBe(6)
  })

  it('filters by category and grade under both names, status, district and area', async () => {
    const ids = async (q: string) => {
      const r = await list(`${DAY}&${q}`)
      expect(r.total).toBe(r.items.length)
      return r.items.map((i) => i.id)
    }
    const fires = newestFirst(made.filter((m) => m.category === 'fire'))
    expect(await ids('category=fire')).toEqual(fires)
    expect(await ids('incidentCategory=fire')).toEqual(fires)
    const fourth = newestFirst(made.filter((m) => m.grade === 'IV'))
    expect(await ids('incidentGrade=IV')).toEqual(fourth)
    expect(await ids('grade=IV&category=fire')).toEqual(
      newestFirst(made.filter((m) => m.grade === 'IV' && m.category === 'fire')),
    )
    expect(await ids('status=reported')).toHaveLength(5)
    expect(await ids('status=closed,resolved')).toEqual([])

    const [where] = await queryRows<{ district: string; township: string | null }>(
      t.handle.db,
      sql`select (select code from admin_areas where level = 'district'
                    and ST_Contains(geom, ST_SetSRID(ST_MakePoint(${JINSHUI[0]}, ${JINSHUI[1]}), 4326))) as district,
                 (select code from townships
                    where ST_Contains(geom, ST_SetSRID(ST_MakePoint(${JINSHUI[0]}, ${JINSHUI[1]}), 4326))) as township`,
    )
    expect(where?.district).toBe('410105')
    const inJinshui = newestFirst(made.filter((_, i) => [0, 3, 4].includes(i)))
    expect(await ids('district=410105')).toEqual(inJinshui)
    expect(await ids('area=410105')).toEqual(inJinshui)
    expect(await ids('area=410102')).toEqual(newestFirst(made.filter((_, i) => [1, 2].includes(i))))
    if (where?.township) expect(await ids(`area=${where.township}`)).toEqual(inJinshui)
  })

  it('tells how far each incident’s departments are, as its assignment rows say', async () => {
    const both = made.find((m) => m.dept.length === 2)
    if (!both) throw new Error('the fixture has an incident with two departments')
    // the operator assigns both departments; cgj's handler goes through to 处置完毕
    let version = 1
    let cgj = ''
    const act = async (user: string, body: Record<string, unknown>) => {
      const answer = await d.send(
        user,
        'POST',
        `/api/incidents/${both.id}/actions`,
        { ...body, expectedVersion: version },
        { 'idempotency-key': `listing-${version}` },
      )
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      version += 1
      const assignments = answer.body.assignments as { id: string; departmentCode: string }[]
      cgj = assignments.find((a) => a.departmentCode === 'cgj')?.id ?? ''
    }
    await act('operator', { action: 'assign', departmentCode: 'szgc' })
    await act('operator', { action: 'assign', departmentCode: 'cgj' })
    for (const action of ['acknowledge', 'enRoute', 'onScene', 'finish']) {
      await act('handler-cgj', { action, assignmentId: cgj })
    }
    const counted = await queryRows<{ id: string; total: number; finished: number }>(
      t.handle.db,
      sql`select incident_id as id, count(*)::int as total,
          (count(*) filter (where status = 'finished'))::int as finished
        from incident_assignments group by incident_id`,
    )
    const expected = new Map(counted.map((r) => [r.id, { total: r.total, finished: r.finished }]))
    const { items } = await list(DAY)
    for (const item of items) {
      expect(item.assignments, item.id).toEqual(expected.get(item.id) ?? { total: 0, finished: 0 })
    }
    expect(items.find((i) => i.id === both.id)?.assignments).toEqual({ total: 2, finished: 1 })
    // the others were never assigned
    expect(items.filter((i) => i.assignments.total === 0)).toHaveLength(made.length - 1)
  })

  it("shows a handler only its department's incidents, with a total to match", async () => {
    const cgj = await list(DAY, 'handler-cgj')
    expect(cgj.items.map((i) => i.id)).toEqual(
      newestFirst(made.filter((m) => m.dept.includes('cgj'))),
    )
    expect(cgj.total).toBe(2)
    const szgc = await list(`${DAY}&category=fire`, 'handler-szgc')
    expect(szgc.total).toBe(2)
    const denied = await d.get('inspector', `/api/incidents?${DAY}`)
    expect(denied.status).toBe(403)
  })

  it.each([
    ['limit=501', 'limit'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['category=volcano', 'category'],
    ['incidentGrade=V', 'grade'],
    ['category=fire&incidentCategory=flood', 'incidentCategory'],
    ['area=4101', 'area'],
    ['district=410105001', 'district'],
    ['status=open', 'status'],
    ['from=2026-11-19T00:00:00%2B08:00&to=2026-11-18T00:00:00%2B08:00', 'to'],
    ['from=yesterday', 'from'],
  ])('answers 400 with a bilingual message for %s', async (query, path) => {
    const { status, body } = await d.get('operator', `/api/incidents?${query}`)
    expect(status).toBe(400)
    expect(body.error).toMatch(/[\u4e00-\u9fff].* \/ .*[A-Za-z]/)
    const paths = (body.issues as { path: string }[]).map((i) => i.path.split('.')[0])
    expect(paths).toContain(path)
  })
})

describe.each(DRIVERS)('case listing with the choropleth filters on %s', (driver) => {
  let t: TestDatabase
  let d: ReturnType<typeof caseDriver>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    d = caseDriver(t, testApp(t.handle))
  }, 60_000)
  afterAll(() => t?.dispose())

  it('takes caseCategory= and area= as the choropleth spells them', async () => {
    d.at('2026-11-18T09:00')
    const a = await d.report({ categoryCode: '0102' })
    d.at('2026-11-18T09:01')
    const b = await d.report({ categoryCode: '0106', location: ZHONGYUAN })
    d.at('2026-11-18T09:02')
    const c = await d.report({ categoryCode: '0106' })
    const ids = async (q: string) => {
      const { status, body } = await d.get('dispatcher', `/api/cases?${DAY}&${q}`)
      expect(status, JSON.stringify(body)).toBe(200)
      const r = body as unknown as Listing
      expect(r.total).toBe(r.items.length)
      return r.items.map((i) => i.id)
    }
    expect(await ids('caseCategory=0106')).toEqual([c.id, b.id])
    expect(await ids('caseCategory=01')).toEqual([c.id, b.id, a.id])
    expect(await ids('area=410105')).toEqual([c.id, a.id])
    expect(await ids('area=410102&caseCategory=0106')).toEqual([b.id])
    const bad = await d.get('dispatcher', `/api/cases?area=41`)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/区域代码.* \/ area/)
  })
})
