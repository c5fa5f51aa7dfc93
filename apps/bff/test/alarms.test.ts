import { Alarm } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { queryRows } from '../src/db/query-rows'
import { regradeIncident } from '../src/services/incidents/regrade-incident'
import { DEMO_API_KEY } from '../src/services/users/seed-demo-accounts'
import { LiveClient } from './support/live-client'
import { loginOverHttp } from './support/sessions'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'
import { startTestServer } from './support/test-server'

const Created = z.object({
  incident: z.looseObject({ id: z.string(), version: z.number() }),
  seq: z.number(),
  alarm: Alarm.nullable(),
})
const AlarmList = z.object({ seq: z.number(), items: z.array(Alarm) })
const INCIDENT = {
  category: 'fire',
  description: '',
  location: [113.66, 34.75],
  departments: ['xfzd'],
}

describe.each(DRIVERS)('wall alarms on %s', (driver) => {
  let t: TestDatabase
  let server: Awaited<ReturnType<typeof startTestServer>>
  const clients: LiveClient[] = []
  const cookies = new Map<string, string>()
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    server = await startTestServer(t.handle)
  })
  afterAll(async () => {
    for (const c of clients) c.close()
    await server?.close()
    await t?.dispose()
  })

  const cookieOf = async (user: string) => {
    const known = cookies.get(user)
    if (known) return known
    const cookie = await loginOverHttp(server.url, user)
    cookies.set(user, cookie)
    return cookie
  }
  const call = async (user: string, path: string, method = 'GET', body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: await cookieOf(user),
        origin: server.url,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
  const report = async (title: string, grade: string) => {
    const res = await call('operator', '/api/incidents', 'POST', { ...INCIDENT, title, grade })
    expect(res.status).toBe(201)
    return Created.parse(await res.json())
  }
  const rows = <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
    queryRows<T>(t.handle.db, q)
  const count = async (table: string) =>
    Number((await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n)
  const eventsOf = (id: string) =>
    rows<{ seq: number; topic: string; type: string; version: number; lng: number; data: unknown }>(
      sql`select seq, topic, type, version, lng, data from events where entity_id = ${id} order by seq`,
    )
  const client = (cookie: string) => {
    const c = new LiveClient(server.url, cookie)
    clients.push(c)
    return c
  }

  it('raises an alarm with its alerts event for a new grade Ⅱ incident, nothing for Ⅲ', async () => {
    const before = await count('alarms')
    const quiet = await report('小区车库冒烟', 'III')
    expect(quiet.alarm).toBeNull()
    expect(await count('alarms')).toBe(before)
    expect((await eventsOf(quiet.incident.id)).map((e) => e.type)).toEqual(['incident.created'])

    const loud = await report('化工园区储罐起火', 'II')
    expect(loud.alarm).toMatchObject({
      kind: 'incident',
      subjectId: loud.incident.id,
      grade: 'II',
      previousGrade: null,
      title: 'Ⅱ级（重大）化工园区储罐起火',
      location: [113.66, 34.75],
      acknowledgedAt: null,
      version: 1,
    })
    const alarmId = loud.alarm?.id ?? ''
    const [event] = await eventsOf(alarmId)
    expect(event).toMatchObject({ topic: 'alerts', type: 'alarm.raised', version: 1, lng: 113.66 })
    expect(Number(event?.seq)).toBe(loud.seq + 1) // same transaction, right after incident.created
    expect(Alarm.parse(event?.data)).toEqual(loud.alarm)
  })

  it('raises one on an escalation into Ⅱ or Ⅰ, none on a downgrade', async () => {
    const { incident } = await report('燃气管道泄漏', 'III')
    const who = { actor: null, address: null }
    const now = new Date('2026-11-20T02:10:00Z')
    const regrade = (expectedVersion: number, grade: 'I' | 'II' | 'III', reason: string) =>
      regradeIncident(t.handle.db, who, incident.id, { expectedVersion, grade, reason }, now)
    expect((await regrade(1, 'II', '波及居民楼')).alarm).toMatchObject({
      grade: 'II',
      previousGrade: 'III',
    })
    expect((await regrade(2, 'I', '发生爆燃')).alarm).toMatchObject({
      grade: 'I',
      previousGrade: 'II',
    })
    expect((await regrade(3, 'II', '火势受控')).alarm).toBeNull()
    const alarms = await rows<{ grade: string }>(
      sql`select grade from alarms where subject_id = ${incident.id} order by raised_at, grade desc`,
    )
    expect(alarms.map((a) => a.grade).sort()).toEqual(['I', 'II'])
  })

  it('lists open alarms newest first with the seq they include; bad state is 400', async () => {
    const res = await call('leader', '/api/alarms?state=open')
    expect(res.status).toBe(200)
    const list = AlarmList.parse(await res.json())
    expect(list.items.length).toBeGreaterThanOrEqual(3)
    const times = list.items.map((a) => a.raisedAt)
    expect([...times].sort().reverse()).toEqual(times)
    const [counter] = await rows<{ last_seq: number }>(sql`select last_seq from event_counter`)
    expect(list.seq).toBe(Number(counter?.last_seq))

    const bad = await call('leader', '/api/alarms?state=closed')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toContain('state must be open or all')
    expect((await call('handler-cgj', '/api/alarms')).status).toBe(403)
  })

  it('acknowledges once: audited, version + 1, event to a second socket client; then 409', async () => {
    const { alarm } = await report('地铁站台人员踩踏', 'I')
    const id = alarm?.id ?? ''
    const watcher = client(await cookieOf('shiftlead'))
    expect(await watcher.subscribe({ topics: ['alerts'] })).toMatchObject({ ok: true })
    const audit = await count('audit_log')

    const res = await call('operator', `/api/alarms/${id}/acknowledge`, 'POST', {
      expectedVersion: 1,
    })
    expect(res.status).toBe(200)
    const acked = Alarm.parse(await res.json())
    expect(acked).toMatchObject({
      id,
      version: 2,
      acknowledgedAt: '2026-11-20T02:00:00.000Z',
      acknowledgedBy: { displayName: '应急值守员（演示）' },
    })
    expect(await count('audit_log')).toBe(audit + 1)
    const [entry] = await rows<{ action: string; actor_id: string; after: unknown }>(
      sql`select action, actor_id, after from audit_log where object_id = ${id}`,
    )
    expect(entry).toMatchObject({ action: 'alarm.acknowledge', after: { version: 2 } })
    expect((await eventsOf(id)).map((e) => [e.type, e.version])).toEqual([
      ['alarm.raised', 1],
      ['alarm.acknowledged', 2],
    ])
    const seen = await watcher.waitFor(1)
    expect(seen.find((e) => e.type === 'alarm.acknowledged')).toMatchObject({
      topic: 'alerts',
      id,
      version: 2,
      data: { acknowledgedBy: { displayName: '应急值守员（演示）' } },
    })

    const again = await call('shiftlead', `/api/alarms/${id}/acknowledge`, 'POST', {
      expectedVersion: 2,
    })
    expect(again.status).toBe(409)
    const conflict = (await again.json()) as { error: string; alarm: unknown }
    expect(conflict.error).toContain('already acknowledged by 应急值守员（演示）')
    expect(Alarm.parse(conflict.alarm)).toEqual(acked)
    expect(await count('audit_log')).toBe(audit + 1)

    const open = AlarmList.parse(await (await call('operator', '/api/alarms')).json())
    expect(open.items.map((a) => a.id)).not.toContain(id)
    const all = AlarmList.parse(await (await call('operator', '/api/alarms?state=all')).json())
    expect(all.items.find((a) => a.id === id)).toEqual(acked)
  })

  it('lets the operator receive alarm.raised on the alerts topic', async () => {
    const operator = client(await cookieOf('operator'))
    expect(await operator.subscribe({ topics: ['alerts'] })).toMatchObject({
      ok: true,
      deniedTopics: [],
    })
    const { alarm } = await report('暴雨致隧道积水', 'II')
    const events = await operator.waitFor(1)
    expect(events[0]).toMatchObject({ type: 'alarm.raised', id: alarm?.id, data: alarm })
  })

  it('answers bad input with 4xx and writes nothing', async () => {
    const { alarm } = await report('高架桥连环追尾', 'II')
    const id = alarm?.id ?? ''
    const before = { events: await count('events'), audit: await count('audit_log') }
    const cases: [unknown, number, string][] = [
      [{}, 400, 'expectedVersion'],
      ['not json', 400, 'not valid JSON'],
      [{ expectedVersion: 'one' }, 400, 'expectedVersion'],
      [{ expectedVersion: 7 }, 409, 'changed since version 7'],
    ]
    for (const [body, status, message] of cases) {
      const res = await call('operator', `/api/alarms/${id}/acknowledge`, 'POST', body)
      expect(res.status).toBe(status)
      expect(((await res.json()) as { error: string }).error).toContain(message)
    }
    const unknown = await call(
      'operator',
      '/api/alarms/00000000-0000-4000-8000-000000000000/acknowledge',
      'POST',
      { expectedVersion: 1 },
    )
    expect(unknown.status).toBe(404)
    expect({ events: await count('events'), audit: await count('audit_log') }).toEqual(before)
    const [row] = await rows<{ version: number }>(sql`select version from alarms where id = ${id}`)
    expect(row?.version).toBe(1)
    // the leader reads but may not acknowledge (the denial itself is audited)
    expect(
      (await call('leader', `/api/alarms/${id}/acknowledge`, 'POST', { expectedVersion: 1 }))
        .status,
    ).toBe(403)
  })

  describe('AQI crossings (HJ 633 level 5 = 重度污染, AQI > 200)', () => {
    const hour = (n: number) => new Date(Date.parse('2026-11-19T20:00:00Z') + n * 3_600_000)
    // PM2.5 alone; under HJ 633-2026 (in force): 100 → 137 (三级), 160 → 210 (五级),
    // 200 → 250 (五级), 90 → 124 (三级), 300 → 350 (六级)
    const reading = (station: string, n: number, pm25: number) => ({
      stationCode: station,
      observedAt: hour(n).toISOString(),
      concentrations: { pm25 },
    })
    const ingest = async (readings: unknown[]) => {
      const res = await fetch(`${server.url}/api/ingest/environment`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'gateway-test', readings }),
      })
      expect(res.status).toBe(200)
    }
    const aqiAlarms = (station: string) =>
      rows<{ id: string; aqi: number; aqi_level: number; observed_at: Date; title: string }>(
        sql`select id, aqi, aqi_level, observed_at, title from alarms
            where kind = 'aqi' and subject_id = ${station} order by observed_at`,
      )

    it('raises once on crossing into level 5, not while it stays, again after falling back', async () => {
      const batch = [reading('1316A', 0, 100), reading('1316A', 1, 160)]
      await ingest(batch)
      const [first] = await aqiAlarms('1316A')
      expect(first).toMatchObject({
        aqi: 210,
        aqi_level: 5,
        title: '烟厂 AQI 210（五级 重度污染）',
      })
      expect(new Date(first?.observed_at ?? 0).toISOString()).toBe(hour(1).toISOString())
      const [event] = await eventsOf(first?.id ?? '')
      expect(event).toMatchObject({ topic: 'alerts', type: 'alarm.raised', version: 1 })
      expect(event?.lng).toBeGreaterThan(113)
      expect(Alarm.parse(event?.data)).toMatchObject({
        kind: 'aqi',
        subjectId: '1316A',
        level: 5,
        aqi: 210,
        observedAt: hour(1).toISOString(),
      })

      await ingest([reading('1316A', 2, 200)]) // stays at level 5
      await ingest(batch) // the same batch again: duplicates, nothing new
      expect(await aqiAlarms('1316A')).toHaveLength(1)

      await ingest([reading('1316A', 3, 90), reading('1316A', 4, 300)]) // down to 三级, up to 六级
      expect((await aqiAlarms('1316A')).map((a) => [a.aqi, a.aqi_level])).toEqual([
        [210, 5],
        [350, 6],
      ])
    })

    it("raises on a station's first reading at level 5, and nothing below", async () => {
      await ingest([reading('1317A', 5, 160), reading('1318A', 5, 150)])
      expect(await aqiAlarms('1317A')).toHaveLength(1)
      expect(await aqiAlarms('1318A')).toHaveLength(0) // 150 → AQI 200: 四级
    })
  })
})
