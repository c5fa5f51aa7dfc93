import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIncident } from '../src/services/incidents/create-incident'
import { caseDriver, JINSHUI } from './support/case-driver'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// GET /api/departments/:code/incident-assignments: 应急调派 on a department's page, i.e. the
// active incidents where the department still has a step to take, in one request.

type Assignment = {
  id: string
  departmentCode: string
  status: string
  allowedActions: string[]
  units: { id: string; callSign: string | null }[]
}
type Detail = { incident: { id: string; version: number }; assignments: Assignment[] }
type Item = { incident: Detail['incident']; assignment: Assignment }
type Listing = { total: number; items: Item[] }

describe.each(DRIVERS)('a department’s incident assignments on %s', (driver) => {
  let t: TestDatabase
  let d: ReturnType<typeof caseDriver>
  const versions = new Map<string, number>()
  let n = 0

  const report = async (hour: number, departments: string[]) => {
    const created = await createIncident(
      t.handle.db,
      { actor: null, address: null, source: 'manual' },
      {
        title: `调派测试 ${hour}`,
        description: '',
        category: 'fire',
        grade: 'IV',
        location: JINSHUI,
        crs: 'WGS84',
        departments,
      },
      new Date(`2026-11-18T${String(hour).padStart(2, '0')}:00:00+08:00`),
    )
    versions.set(created.incident.id, created.incident.version)
    return created.incident.id
  }
  const act = async (user: string, id: string, body: Record<string, unknown>) => {
    const answer = await d.send(
      user,
      'POST',
      `/api/incidents/${id}/actions`,
      { ...body, expectedVersion: versions.get(id) },
      { 'idempotency-key': `dept-assignments-${++n}` },
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    const detail = answer.body as unknown as Detail
    versions.set(id, detail.incident.version)
    return detail
  }
  const assignmentOf = (detail: Detail, dept: string) => {
    const found = detail.assignments.find((a) => a.departmentCode === dept)
    if (!found) throw new Error(`no ${dept} assignment`)
    return found.id
  }
  const listFor = async (user: string, dept: string) => {
    const { status, body } = await d.get(user, `/api/departments/${dept}/incident-assignments`)
    expect(status, JSON.stringify(body)).toBe(200)
    return body as unknown as Listing
  }

  let both = ''
  let cgjOnly = ''
  let finished = ''
  let szgcOnly = ''
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    d = caseDriver(t, testApp(t.handle))
    both = await report(8, ['cgj', 'szgc'])
    cgjOnly = await report(9, ['cgj'])
    finished = await report(10, ['cgj', 'szgc'])
    szgcOnly = await report(11, ['szgc'])
    await act('operator', both, { action: 'assign', departmentCode: 'szgc' })
    await act('operator', both, { action: 'assign', departmentCode: 'cgj' })
    await act('operator', cgjOnly, { action: 'assign', departmentCode: 'cgj' })
    // cgj's part done, szgc's not: the incident is still 处置中, but nothing is left for cgj
    await act('operator', finished, { action: 'assign', departmentCode: 'szgc' })
    const done = await act('operator', finished, { action: 'assign', departmentCode: 'cgj' })
    for (const action of ['acknowledge', 'enRoute', 'onScene', 'finish']) {
      await act('handler-cgj', finished, { action, assignmentId: assignmentOf(done, 'cgj') })
    }
    await act('operator', szgcOnly, { action: 'assign', departmentCode: 'szgc' })
  }, 60_000)
  afterAll(() => t?.dispose())

  it('lists the unfinished ones newest first, each as the incident’s own detail shows it', async () => {
    const { total, items } = await listFor('handler-cgj', 'cgj')
    expect(total).toBe(2)
    expect(items.map((i) => i.incident.id)).toEqual([cgjOnly, both])
    for (const item of items) {
      const detail = await d.get('handler-cgj', `/api/incidents/${item.incident.id}`)
      const whole = detail.body as unknown as Detail
      expect(item.incident).toEqual(whole.incident)
      // only this department's part: szgc's assignment on the shared incident is left out
      expect(whole.assignments.filter((a) => a.departmentCode === 'cgj')).toEqual([item.assignment])
      expect(item.assignment.allowedActions).toEqual(['acknowledge'])
    }
  })

  it('follows the assignment through its steps and drops it at 处置完毕', async () => {
    const detail = await act('handler-cgj', cgjOnly, {
      action: 'acknowledge',
      assignmentId: (await listed(cgjOnly)).assignment.id,
    })
    const acknowledged = await listed(cgjOnly)
    expect(acknowledged.incident.version).toBe(detail.incident.version)
    expect(acknowledged.assignment).toMatchObject({
      status: 'acknowledged',
      allowedActions: ['enRoute'],
    })
    const id = acknowledged.assignment.id
    for (const action of ['enRoute', 'onScene', 'finish']) {
      await act('handler-cgj', cgjOnly, { action, assignmentId: id })
    }
    const after = await listFor('handler-cgj', 'cgj')
    expect(after.items.map((i) => i.incident.id)).toEqual([both])
    expect(after.total).toBe(1)
  })

  it('lets a dispatcher read any department, a handler only its own', async () => {
    const szgc = await listFor('operator', 'szgc')
    expect(szgc.items.map((i) => i.incident.id)).toEqual([szgcOnly, finished, both])
    expect((await d.get('handler-cgj', '/api/departments/szgc/incident-assignments')).status).toBe(
      403,
    )
    expect((await d.get('inspector', '/api/departments/cgj/incident-assignments')).status).toBe(403)
    const unknown = await d.get('operator', '/api/departments/nosuch/incident-assignments')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toMatch(/没有代码为 nosuch 的部门 \/ There is no department nosuch/)
  })

  async function listed(id: string) {
    const found = (await listFor('handler-cgj', 'cgj')).items.find((i) => i.incident.id === id)
    if (!found) throw new Error(`${id} is not listed`)
    return found
  }
})
