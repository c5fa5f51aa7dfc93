import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pointFromLngLat } from '../src/db/geo-sql'
import { queryRows } from '../src/db/query-rows'
import { units } from '../src/db/schema'
import { createIncident } from '../src/services/incidents/create-incident'
import { escalateOverdueAssignments } from '../src/services/incidents/escalate-overdue-assignments'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// POST /api/incidents/:id/actions, GET /api/incidents/:id, unit suggestions and the
// escalation of unacknowledged assignments (issue #6 "Emergency incidents").

const FIRE = 'xfzd'
const EMS = 'ji120'
const TRAFFIC = 'jjzd'
const TIMEOUT = 300
const SITE: [number, number] = [113.68, 34.78]

interface Assignment {
  id: string
  departmentCode: string
  status: string
  allowedActions: string[]
  escalatedAt: string | null
}
interface Answer {
  status: number
  body: Record<string, unknown> & {
    incident?: { id: string; version: number; status: string; grade: string; departments: string[] }
    assignments?: Assignment[]
    allowedActions?: string[]
    code?: string
    issues?: { path: string; message: string }[]
  }
}

describe.each(DRIVERS)('incident workflow on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  const cookies = new Map<string, string>()
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  }, 60_000)
  afterAll(() => t?.dispose())

  const T0 = () => env.clock.now
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
    key: string | null = `ik-${++keyCounter}`,
  ): Promise<Answer> {
    const init = asBrowser(await cookie(user), 'POST', body)
    const headers = { ...(init.headers as Record<string, string>) }
    if (key !== null) headers['idempotency-key'] = key
    const res = await env.app.request(`/api/incidents/${id}/actions`, { ...init, headers })
    return { status: res.status, body: (await res.json()) as Answer['body'] }
  }
  async function get(user: string, path: string): Promise<Answer> {
    const res = await env.app.request(path, asBrowser(await cookie(user)))
    return { status: res.status, body: (await res.json()) as Answer['body'] }
  }
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: number }>(t.handle.db, query))[0]?.n)
  const auditFor = (id: string) =>
    count(
      sql`select count(*)::int as n from audit_log where object_id = ${id} and outcome = 'success'`,
    )
  const eventsFor = (id: string) =>
    count(sql`select count(*)::int as n from events where entity_id = ${id}`)

  async function newIncident(title: string) {
    const { incident } = await createIncident(
      t.handle.db,
      { actor: null, address: null, source: '119' },
      {
        title,
        description: '',
        category: 'fire',
        grade: 'IV',
        location: SITE,
        crs: 'WGS84',
        departments: [],
      },
      T0(),
    )
    return incident.id
  }
  const assignmentOf = (answer: Answer, code: string) => {
    const found = answer.body.assignments?.find((a) => a.departmentCode === code)
    if (!found) throw new Error(`no assignment for ${code}: ${JSON.stringify(answer.body)}`)
    return found
  }
  async function assignAll(id: string, codes: string[]) {
    let answer: Answer = { status: 0, body: {} }
    for (const [i, departmentCode] of codes.entries()) {
      answer = await act('operator', id, {
        action: 'assign',
        expectedVersion: 1 + i,
        departmentCode,
      })
      expect(answer.status).toBe(200)
    }
    return answer
  }
  const at = (seconds: number) => new Date(T0().getTime() + seconds * 1000)

  it('three departments, one does not acknowledge in time and escalates once; all finish, then it closes', async () => {
    const id = await newIncident('仓库起火，有人员受伤')
    let answer = await assignAll(id, [FIRE, EMS, TRAFFIC])
    expect(answer.body.incident).toMatchObject({ status: 'responding', version: 4 })
    expect(answer.body.incident?.departments).toEqual([FIRE, EMS, TRAFFIC])
    const ids = Object.fromEntries(
      [FIRE, EMS, TRAFFIC].map((code) => [code, assignmentOf(answer, code).id]),
    )
    let version = 4
    for (const code of [FIRE, EMS]) {
      answer = await act(`handler-${code}`, id, {
        action: 'acknowledge',
        expectedVersion: version,
        assignmentId: ids[code],
      })
      expect(answer.status).toBe(200)
      expect(assignmentOf(answer, code).status).toBe('acknowledged')
      version += 1
      expect(answer.body.incident?.version).toBe(version)
    }

    const check = (seconds: number) =>
      escalateOverdueAssignments(t.handle.db, at(seconds), { ackTimeoutSeconds: TIMEOUT })
    expect(await check(TIMEOUT)).toEqual([]) // exactly at the timeout: still in time
    const escalated = await check(TIMEOUT + 1)
    expect(escalated.map((e) => [e.departmentCode, e.assignmentId])).toEqual([
      [TRAFFIC, ids[TRAFFIC]],
    ])
    expect(escalated[0]?.alarm).toMatchObject({
      kind: 'assignmentOverdue',
      subjectId: id,
      assignmentId: ids[TRAFFIC],
      departmentCode: TRAFFIC,
      grade: 'IV',
    })
    expect(await check(TIMEOUT + 60)).toEqual([]) // again: nothing new
    const overdueAlarms = () =>
      count(
        sql`select count(*)::int as n from alarms where kind = 'assignmentOverdue' and subject_id = ${id}`,
      )
    expect(await overdueAlarms()).toBe(1)
    expect(
      await count(
        sql`select count(*)::int as n from events where entity_id = ${id} and type = 'incident.assignmentEscalated'`,
      ),
    ).toBe(1)
    // the shift lead sees it among the open alarms
    const alarms = await get('shiftlead', '/api/alarms')
    const listed = (alarms.body as unknown as { items: { kind: string; subjectId: string }[] })
      .items
    expect(listed.filter((a) => a.kind === 'assignmentOverdue' && a.subjectId === id)).toHaveLength(
      1,
    )
    // escalation marks the assignment but is not a workflow step: the version stays
    const detail = await get('shiftlead', `/api/incidents/${id}`)
    expect(detail.body.incident?.version).toBe(version)
    expect(assignmentOf(detail, TRAFFIC).escalatedAt).not.toBeNull()

    const early = await act('shiftlead', id, {
      action: 'close',
      expectedVersion: version,
      summary: '结束',
    })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('ACTION_NOT_ALLOWED')
    expect(early.body.allowedActions).not.toContain('close')

    const handlerOf: Record<string, string> = {
      [FIRE]: `handler-${FIRE}`,
      [EMS]: `handler-${EMS}`,
      [TRAFFIC]: `handler-${TRAFFIC}`,
    }
    const steps: [string, string][] = [
      [TRAFFIC, 'acknowledge'],
      ...[FIRE, EMS, TRAFFIC].flatMap((code) =>
        ['enRoute', 'onScene', 'finish'].map((step): [string, string] => [code, step]),
      ),
    ]
    for (const [code, action] of steps) {
      answer = await act(handlerOf[code] ?? '', id, {
        action,
        expectedVersion: version,
        assignmentId: ids[code],
        ...(action === 'finish' ? { note: `${code} 处置完毕` } : {}),
      })
      expect(answer.status, `${code} ${action}: ${JSON.stringify(answer.body)}`).toBe(200)
      version += 1
    }
    expect(answer.body.incident?.status).toBe('resolved')
    expect(answer.body.assignments?.map((a) => a.status)).toEqual([
      'finished',
      'finished',
      'finished',
    ])
    expect(await check(TIMEOUT * 10)).toEqual([])
    expect(await overdueAlarms()).toBe(1)

    const auditBefore = await auditFor(id)
    const eventsBefore = await eventsFor(id)
    const closed = await act('shiftlead', id, {
      action: 'close',
      expectedVersion: version,
      summary: '明火扑灭，伤员送医，道路恢复通行',
    })
    expect(closed.status).toBe(200)
    expect(closed.body.incident).toMatchObject({ status: 'closed', version: version + 1 })
    expect(closed.body.allowedActions).toEqual([])
    expect(await auditFor(id)).toBe(auditBefore + 1)
    expect(await eventsFor(id)).toBe(eventsBefore + 1)
  })

  it('keeps the contract: stale 409, wrong department 403, bad fields 400/422, scoping 404', async () => {
    const id = await newIncident('厂房起火')
    const assigned = await assignAll(id, [FIRE, EMS])
    const fire = assignmentOf(assigned, FIRE)
    expect(fire.allowedActions).toEqual([]) // the operator does not acknowledge for them

    const stale = await act('operator', id, {
      action: 'grade',
      expectedVersion: 1,
      grade: 'III',
      reason: '蔓延',
    })
    expect(stale.status).toBe(409)
    expect(stale.body.code).toBe('STALE_VERSION')
    expect(stale.body.incident?.version).toBe(3)
    expect(stale.body.assignments).toHaveLength(2)

    const auditBefore = await auditFor(id)
    const wrong = await act(`handler-${EMS}`, id, {
      action: 'acknowledge',
      expectedVersion: 3,
      assignmentId: fire.id,
    })
    expect(wrong.status).toBe(403)
    expect(wrong.body.code).toBe('ACTION_FORBIDDEN')
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where object_id = ${id} and action = 'permission.denied'`,
      ),
    ).toBe(1)
    expect(
      (
        await act(`handler-${FIRE}`, id, {
          action: 'grade',
          expectedVersion: 3,
          grade: 'I',
          reason: 'r',
        })
      ).status,
    ).toBe(403)

    const badGrade = await act('operator', id, {
      action: 'grade',
      expectedVersion: 3,
      grade: 'V',
      reason: 'r',
    })
    expect(badGrade.status).toBe(400)
    expect(badGrade.body.issues?.map((i) => i.path)).toEqual(['grade'])
    const noReason = await act('operator', id, { action: 'grade', expectedVersion: 3, grade: 'II' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.issues?.map((i) => i.path)).toEqual(['reason'])
    const unknownDept = await act('operator', id, {
      action: 'assign',
      expectedVersion: 3,
      departmentCode: 'nosuchdept',
    })
    expect(unknownDept.status).toBe(400)
    expect(unknownDept.body.issues?.map((i) => i.path)).toEqual(['departmentCode'])
    const twice = await act('operator', id, {
      action: 'assign',
      expectedVersion: 3,
      departmentCode: FIRE,
    })
    expect(twice.status).toBe(422)
    const noVersion = await act('operator', id, { action: 'grade', grade: 'II', reason: 'r' })
    expect(noVersion.status).toBe(400)
    expect(
      (
        await act(
          'operator',
          id,
          { action: 'grade', expectedVersion: 3, grade: 'II', reason: 'r' },
          null,
        )
      ).status,
    ).toBe(400)
    expect(await auditFor(id)).toBe(auditBefore)

    // a department that is not involved does not see the incident at all
    expect((await get('handler-cgj', `/api/incidents/${id}`)).status).toBe(404)
    expect(
      (
        await act('handler-cgj', id, {
          action: 'acknowledge',
          expectedVersion: 3,
          assignmentId: fire.id,
        })
      ).status,
    ).toBe(404)
    const mine = await get(`handler-${FIRE}`, `/api/incidents/${id}`)
    expect(mine.status).toBe(200)
    expect(assignmentOf(mine, FIRE).allowedActions).toEqual(['acknowledge'])
    expect(assignmentOf(mine, EMS).allowedActions).toEqual([])
    expect(mine.body.allowedActions).toEqual(['acknowledge'])
    expect((await get('operator', '/api/incidents/no-such-incident')).status).toBe(404)
  })

  it('applies an Idempotency-Key once; the same key with another body is 422', async () => {
    const id = await newIncident('电动车起火')
    const body = { action: 'grade', expectedVersion: 1, grade: 'III', reason: '火势扩大' }
    const first = await act('operator', id, body, 'same-key')
    const again = await act(
      'operator',
      id,
      { reason: '火势扩大', grade: 'III', expectedVersion: 1, action: 'grade' },
      'same-key',
    )
    expect(first.status).toBe(200)
    expect(again).toEqual(first)
    expect(first.body.incident?.version).toBe(2)
    expect(await auditFor(id)).toBe(2) // create + one grade
    const other = await act('operator', id, { ...body, reason: '另一个理由' }, 'same-key')
    expect(other.status).toBe(422)
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('lets exactly one of 20 parallel acknowledgements at the same version through', async () => {
    const id = await newIncident('化工厂泄漏')
    const assigned = await assignAll(id, [FIRE])
    const fire = assignmentOf(assigned, FIRE)
    await cookie(`handler-${FIRE}`)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        act(`handler-${FIRE}`, id, {
          action: 'acknowledge',
          expectedVersion: 2,
          assignmentId: fire.id,
        }),
      ),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    const detail = await get('operator', `/api/incidents/${id}`)
    expect(detail.body.incident?.version).toBe(3)
    expect(
      await count(
        sql`select count(*)::int as n from events where entity_id = ${id} and type = 'incident.assignmentAcknowledged'`,
      ),
    ).toBe(1)
  })

  it('suggests the nearest available units of the asked types, with distance and reason', async () => {
    const id = await newIncident('商铺起火')
    const place = (dLng: number) => pointFromLngLat(SITE[0] + dLng, SITE[1])
    const base = { updatedAt: T0(), version: 1 }
    await t.handle.db.insert(units).values([
      {
        id: 'ut-fire-near',
        callSign: '测消01',
        type: 'fire',
        departmentCode: FIRE,
        status: 'available',
        location: place(0.001),
        ...base,
      },
      {
        id: 'ut-fire-far',
        callSign: '测消02',
        type: 'fire',
        departmentCode: FIRE,
        status: 'available',
        location: place(0.02),
        ...base,
      },
      {
        id: 'ut-fire-busy',
        callSign: '测消03',
        type: 'fire',
        departmentCode: FIRE,
        status: 'enRoute',
        location: place(0.0001),
        ...base,
      },
      {
        id: 'ut-amb-mid',
        callSign: '测急01',
        type: 'ambulance',
        departmentCode: EMS,
        status: 'available',
        location: place(0.005),
        ...base,
      },
      {
        id: 'ut-police',
        callSign: '测警01',
        type: 'police',
        departmentCode: 'gaj110',
        status: 'available',
        location: place(0.0002),
        ...base,
      },
    ])
    const answer = await get(
      'operator',
      `/api/incidents/${id}/unit-suggestions?types=fire,ambulance&perType=5`,
    )
    expect(answer.status).toBe(200)
    const suggestions = (
      answer.body as unknown as {
        suggestions: { unitId: string; distanceM: number; reason: string; type: string }[]
      }
    ).suggestions
    const ours = suggestions.filter((s) => s.unitId.startsWith('ut-'))
    expect(ours.map((s) => s.unitId)).toEqual(['ut-fire-near', 'ut-amb-mid', 'ut-fire-far'])
    // 0.001° of longitude at 34.78° N is about 91 m
    expect(ours[0]?.distanceM).toBeGreaterThan(85)
    expect(ours[0]?.distanceM).toBeLessThan(97)
    const distances = suggestions.map((s) => s.distanceM)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    expect(suggestions.every((s) => s.type === 'fire' || s.type === 'ambulance')).toBe(true)
    expect(ours[0]?.reason).toMatch(/km/)

    // a unit on an open assignment is not suggested again
    const assigned = await act('operator', id, {
      action: 'assign',
      expectedVersion: 1,
      departmentCode: FIRE,
      unitIds: ['ut-fire-near'],
    })
    expect(assigned.status).toBe(200)
    // people read call signs, in the action's answer and in the incident's detail
    type UnitsView = { assignments: { departmentCode: string; units: unknown[] }[] }
    const unitsOf = (body: unknown) =>
      (body as UnitsView).assignments.find((a) => a.departmentCode === FIRE)?.units
    expect(unitsOf(assigned.body)).toEqual([{ id: 'ut-fire-near', callSign: '测消01' }])
    expect(unitsOf((await get('operator', `/api/incidents/${id}`)).body)).toEqual([
      { id: 'ut-fire-near', callSign: '测消01' },
    ])
    const after = await get(
      'operator',
      `/api/incidents/${id}/unit-suggestions?types=fire&perType=5`,
    )
    const afterIds = (
      after.body as unknown as { suggestions: { unitId: string }[] }
    ).suggestions.map((s) => s.unitId)
    expect(afterIds).not.toContain('ut-fire-near')
    expect(afterIds).toContain('ut-fire-far')
    const busy = await act('operator', id, {
      action: 'assign',
      expectedVersion: 2,
      departmentCode: EMS,
      unitIds: ['ut-fire-busy'],
    })
    expect(busy.status).toBe(422)
    expect(busy.body.issues?.map((i) => i.path)).toEqual(['unitIds.0'])
    expect((await get('operator', `/api/incidents/${id}/unit-suggestions?types=tank`)).status).toBe(
      400,
    )
    expect((await get(`handler-${FIRE}`, `/api/incidents/${id}/unit-suggestions`)).status).toBe(403)
  })
})
