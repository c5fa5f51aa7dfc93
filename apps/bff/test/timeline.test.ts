import { Timeline, userActor } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { queryRows } from '../src/db/query-rows'
import { closeIncident } from '../src/services/incidents/close-incident'
import { regradeIncident } from '../src/services/incidents/regrade-incident'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const Created = z.object({
  incident: z.looseObject({ id: z.string() }),
  alarm: z.looseObject({ id: z.string() }).nullable(),
})

describe.each(DRIVERS)('entity timelines on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  const cookies = new Map<string, string>()
  let incidentId = ''
  let alarmId = ''
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    // created by the operator over HTTP, escalated by the shift lead's hand, closed by the system
    const res = await as('operator', '/api/incidents', 'POST', {
      title: '物流园仓库起火',
      category: 'fire',
      grade: 'III',
      location: [113.66, 34.75],
      departments: ['xfzd'],
    })
    incidentId = Created.parse(await res.json()).incident.id
    const [lead] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`select id::text from users where username = 'shiftlead'`,
    )
    const actor = userActor({ id: lead?.id ?? '', role: 'shiftLead', departmentCode: null })
    const regraded = await regradeIncident(
      t.handle.db,
      { actor, address: '10.0.0.8' },
      incidentId,
      { expectedVersion: 1, grade: 'II', reason: '危化品库受威胁' },
      new Date('2026-11-20T02:20:00Z'),
    )
    alarmId = regraded.alarm?.id ?? ''
    await closeIncident(
      t.handle.db,
      { actor: null, address: null },
      incidentId,
      { expectedVersion: 2, summary: '明火扑灭' },
      new Date('2026-11-20T04:00:00Z'),
    )
  })
  afterAll(() => t?.dispose())

  async function as(user: string, path: string, method = 'GET', body?: unknown) {
    const cookie = cookies.get(user) ?? (await loginAs(env.app, user))
    cookies.set(user, cookie)
    return env.app.request(path, asBrowser(cookie, method, body))
  }
  const timelineOf = async (user: string, path: string) => {
    const res = await as(user, path)
    expect(res.status).toBe(200)
    return Timeline.parse(await res.json())
  }

  it("tells an incident's story oldest first, with who did each audited change", async () => {
    const timeline = await timelineOf('leader', `/api/timeline/incidents/${incidentId}`)
    expect(timeline).toMatchObject({ topic: 'incidents', id: incidentId, hasMore: false })
    expect(timeline.entries.map((e) => [e.type, e.version, e.actor?.displayName ?? null])).toEqual([
      ['incident.created', 1, '应急值守员（演示）'],
      ['incident.regraded', 2, '值班长（演示）'],
      ['incident.closed', 3, null], // the system: audited without a person
    ])
    const seqs = timeline.entries.map((e) => e.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    expect(timeline.entries[1]).toMatchObject({
      at: '2026-11-20T02:20:00.000Z',
      actor: { role: 'shiftLead' },
      data: { grade: 'II', previousGrade: 'III', gradeReason: '危化品库受威胁' },
    })
  })

  it("shows the alarm's story: raised by the system, acknowledged by a person", async () => {
    const ack = await as('operator', `/api/alarms/${alarmId}/acknowledge`, 'POST', {
      expectedVersion: 1,
    })
    expect(ack.status).toBe(200)
    const timeline = await timelineOf('shiftlead', `/api/timeline/alerts/${alarmId}`)
    expect(timeline.entries.map((e) => [e.type, e.actor?.displayName ?? null])).toEqual([
      ['alarm.raised', null],
      ['alarm.acknowledged', '应急值守员（演示）'],
    ])
  })

  it("gives a handler its department's incident and a 404 — not 403 — for another's", async () => {
    const own = await timelineOf('handler-xfzd', `/api/timeline/incidents/${incidentId}`)
    expect(own.entries).toHaveLength(3)
    const other = await as('handler-cgj', `/api/timeline/incidents/${incidentId}`)
    const unknown = await as('handler-cgj', '/api/timeline/incidents/no-such-incident')
    expect([other.status, unknown.status]).toEqual([404, 404])
    const shape = async (r: Response) =>
      ((await r.json()) as { error: string }).error.replace(/\S*-\S*/g, 'ID')
    expect(await shape(other)).toBe(await shape(unknown))
  })

  it("keeps an undispatched case's timeline from handlers, like the live topic", async () => {
    const reported = await as('inspector', '/api/cases', 'POST', {
      kind: 'event',
      categoryCode: '0106',
      description: '人行道乱堆杂物',
      location: [113.68, 34.78],
    })
    const { case: c } = (await reported.json()) as { case: { id: string } }
    const timeline = await timelineOf('leader', `/api/timeline/cases/${c.id}`)
    expect(timeline.entries.map((e) => [e.type, e.actor?.displayName])).toEqual([
      ['case.reported', '监督员（演示）'],
    ])
    expect((await as('handler-cgj', `/api/timeline/cases/${c.id}`)).status).toBe(404)
  })

  it('answers bad input with a clear 4xx', async () => {
    const topic = await as('leader', `/api/timeline/traffic/${incidentId}`)
    expect(topic.status).toBe(400)
    expect(((await topic.json()) as { error: string }).error).toContain(
      'use incidents, cases, alerts',
    )
    const long = await as('leader', `/api/timeline/incidents/${'x'.repeat(65)}`)
    expect(long.status).toBe(400)
    expect((await as('inspector', `/api/timeline/incidents/${incidentId}`)).status).toBe(403)
    expect((await as('handler-xfzd', `/api/timeline/alerts/${alarmId}`)).status).toBe(403)
  })
})
