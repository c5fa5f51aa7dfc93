import { isDomainError } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { incidentsLayer, readSnapshot } from '../src/services/layers/snapshots'
import { closeIncident } from '../src/services/incidents/close-incident'
import { createIncident } from '../src/services/incidents/create-incident'
import { regradeIncident } from '../src/services/incidents/regrade-incident'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const T0 = new Date('2026-11-20T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const WHO = { actor: null, address: '127.0.0.1' }

const codeOf = async (run: () => Promise<unknown>) => {
  try {
    await run()
    return 'ok'
  } catch (error) {
    return isDomainError(error) ? error.code : String(error)
  }
}

describe.each(DRIVERS)('regrading and closing incidents on %s', (driver) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(driver)
  })
  afterAll(() => t?.dispose())

  const db = () => t.handle.db
  const newIncident = async (title: string) => {
    const { incident } = await createIncident(
      db(),
      { ...WHO, source: '119' },
      {
        title,
        description: '',
        category: 'fire',
        grade: 'IV',
        location: [113.68, 34.78],
        crs: 'WGS84',
        departments: ['xfzd'],
      },
      T0,
    )
    return incident.id
  }
  const rowOf = async (id: string) =>
    (
      await queryRows<{ grade: string; status: string; version: number }>(
        db(),
        sql`select grade, status, version from incidents where id = ${id}`,
      )
    )[0]
  const trail = async (id: string) => ({
    audit: await queryRows<{ action: string; before: unknown; after: unknown }>(
      db(),
      sql`select action, before, after from audit_log where object_id = ${id} order by seq`,
    ),
    events: await queryRows<{ type: string; version: number; data: Record<string, unknown> }>(
      db(),
      sql`select type, version, data from events where entity_id = ${id} order by seq`,
    ),
  })

  it('escalates with audit and event in one step, version + 1', async () => {
    const id = await newIncident('仓库起火')
    const result = await regradeIncident(
      db(),
      WHO,
      id,
      { expectedVersion: 1, grade: 'III', reason: '火势蔓延至相邻厂房' },
      at(20),
    )
    expect(result).toMatchObject({ previousGrade: 'IV', isEscalation: true })
    expect(await rowOf(id)).toEqual({ grade: 'III', status: 'reported', version: 2 })
    const { audit, events } = await trail(id)
    expect(audit.map((a) => a.action)).toEqual(['incident.create', 'incident.regrade'])
    expect(audit[1]).toMatchObject({
      before: { grade: 'IV', version: 1 },
      after: { grade: 'III', version: 2, reason: '火势蔓延至相邻厂房' },
    })
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['incident.created', 1],
      ['incident.regraded', 2],
    ])
    expect(events[1]?.data).toMatchObject({
      id,
      grade: 'III',
      previousGrade: 'IV',
      gradeReason: '火势蔓延至相邻厂房',
      districtCode: '410105',
      departments: ['xfzd'],
    })
  })

  it('closes with a summary, audit and event, version + 1; then refuses further changes', async () => {
    const id = await newIncident('厨房油锅起火')
    await closeIncident(
      db(),
      WHO,
      id,
      { expectedVersion: 1, summary: '明火已扑灭，无人员伤亡' },
      at(90),
    )
    expect(await rowOf(id)).toEqual({ grade: 'IV', status: 'closed', version: 2 })
    const { audit, events } = await trail(id)
    expect(audit.at(-1)).toMatchObject({
      action: 'incident.close',
      before: { status: 'reported', version: 1 },
      after: { status: 'closed', version: 2, summary: '明火已扑灭，无人员伤亡' },
    })
    expect(events.at(-1)).toMatchObject({
      type: 'incident.closed',
      version: 2,
      data: { status: 'closed', summary: '明火已扑灭，无人员伤亡' },
    })
    const regrade = { expectedVersion: 2, grade: 'III', reason: '复燃' } as const
    expect(await codeOf(() => regradeIncident(db(), WHO, id, regrade, at(95)))).toBe('CONFLICT')
    const close = { expectedVersion: 2, summary: '再次结束' }
    expect(await codeOf(() => closeIncident(db(), WHO, id, close, at(95)))).toBe('CONFLICT')
    expect((await trail(id)).audit).toHaveLength(2)
  })

  it('refuses a stale expectedVersion and writes nothing', async () => {
    const id = await newIncident('楼道杂物起火')
    await regradeIncident(
      db(),
      WHO,
      id,
      { expectedVersion: 1, grade: 'III', reason: '有被困人员' },
      at(5),
    )
    const before = await trail(id)
    const stale = { expectedVersion: 1, grade: 'II', reason: '过时的页面' } as const
    expect(await codeOf(() => regradeIncident(db(), WHO, id, stale, at(6)))).toBe('CONFLICT')
    expect(
      await codeOf(() => closeIncident(db(), WHO, id, { expectedVersion: 1, summary: 's' }, at(6))),
    ).toBe('CONFLICT')
    expect(await rowOf(id)).toEqual({ grade: 'III', status: 'reported', version: 2 })
    expect(await trail(id)).toEqual(before)
  })

  it('lets only one of two simultaneous closes at the same version through', async () => {
    const id = await newIncident('电动车起火')
    const close = (summary: string) =>
      codeOf(() => closeIncident(db(), WHO, id, { expectedVersion: 1, summary }, at(30)))
    const outcomes = await Promise.all([close('甲'), close('乙')])
    expect(outcomes.sort()).toEqual(['CONFLICT', 'ok'])
    expect((await trail(id)).events.map((e) => e.type)).toEqual([
      'incident.created',
      'incident.closed',
    ])
  })

  it('answers NOT_FOUND and VALIDATION before touching anything', async () => {
    const id = await newIncident('垃圾桶起火')
    const close = { expectedVersion: 1, summary: 's' }
    expect(await codeOf(() => closeIncident(db(), WHO, 'no-such-incident', close, at(1)))).toBe(
      'NOT_FOUND',
    )
    expect(
      await codeOf(() => closeIncident(db(), WHO, id, { expectedVersion: 1, summary: ' ' }, at(1))),
    ).toBe('VALIDATION')
    const same = { expectedVersion: 1, grade: 'IV', reason: '复核' } as const
    expect(await codeOf(() => regradeIncident(db(), WHO, id, same, at(1)))).toBe('VALIDATION')
    expect((await trail(id)).audit).toHaveLength(1)
  })

  it('keeps closed incidents off the incidents layer, however recent', async () => {
    const open = await newIncident('仍在处置')
    const closed = await newIncident('已经结束')
    await closeIncident(db(), WHO, closed, { expectedVersion: 1, summary: '结束' }, at(10))
    const layer = await readSnapshot(db(), incidentsLayer({ kind: 'all' }))
    const ids = layer.features.map((f) => f.id)
    expect(ids).toContain(open)
    expect(ids).not.toContain(closed)
  })
})
