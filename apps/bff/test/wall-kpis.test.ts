import { WallKpis, type IncidentGrade, type IncidentSource } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { closeIncident } from '../src/services/incidents/close-incident'
import { createIncident } from '../src/services/incidents/create-incident'
import { reportCase } from '../src/services/cases/report-case'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const NOW = new Date('2026-11-20T02:00:00Z') // the test app's clock: 10:00 Beijing
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000)
const WHO = { actor: null, address: null }

// Daily-report vectors V1 (良) and V2 (AQI 172) of DOMAIN.md §2.4, as hourly values.
const V1 = { pm25: 30, pm10: 110, so2: 12, no2: 36, co: 0.9, o3_1h: 130, o3_8h: 120 }
const V2 = { pm25: 130, pm10: 180, so2: 20, no2: 60, co: 1.6, o3_1h: 90, o3_8h: 60 }

describe.each(DRIVERS)('wall KPIs on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    await seed()
  })
  afterAll(() => t?.dispose())

  const db = () => t.handle.db
  const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
    (await queryRows<T>(db(), q))[0]
  const kpisAs = async (user: string) => {
    const res = await env.app.request('/api/kpis/wall', asBrowser(await loginAs(env.app, user)))
    expect(res.status).toBe(200)
    return WallKpis.parse(await res.json())
  }

  async function seed() {
    const incidents: [IncidentGrade, IncidentSource, number, string[]][] = [
      ['I', '119', 5, ['xfzd']],
      ['II', '110', 20, []],
      ['III', '120', 59, ['cgj']],
      ['III', '12345', 61, ['cgj']], // outside the hour
      ['IV', '122', 30, []],
      ['IV', 'manual', 10, []], // not a hotline
      ['IV', 'sensor', 240, ['cgj']],
    ]
    for (const [grade, source, ago, departments] of incidents) {
      await createIncident(
        db(),
        { ...WHO, source },
        {
          title: `${source} ${grade}`,
          description: '',
          category: 'other',
          grade,
          location: [113.66, 34.75],
          crs: 'WGS84',
          departments,
        },
        minutesAgo(ago),
      )
    }
    const [closing] = await queryRows<{ id: string }>(
      db(),
      sql`select id from incidents where title = '122 IV'`,
    )
    await closeIncident(
      db(),
      WHO,
      closing?.id ?? '',
      { expectedVersion: 1, summary: '已处置' },
      NOW,
    )

    // traffic: every segment fresh at 09:59 Beijing with a speed from its id, a few stale
    await db().execute(sql`update road_segments set
      speed_kmh = 5 + (abs(hashtext(id)) % 70), observed_at = ${minutesAgo(1).toISOString()}::timestamptz`)
    await db()
      .execute(sql`update road_segments set speed_kmh = 1, observed_at = ${minutesAgo(180).toISOString()}::timestamptz
      where id in (select id from road_segments order by id limit 25)`)

    await seedAir()
    await seedCases()
  }

  const insertHours = (station: string, firstHourIso: string, hours: number, c: object) =>
    db().execute(sql`insert into env_readings (source, station_code, observed_at, concentrations)
      select 'test', ${station}, ${firstHourIso}::timestamptz + make_interval(hours => h),
        ${JSON.stringify(c)}::jsonb
      from generate_series(0, ${hours - 1}) as h`)

  async function seedAir() {
    const city = await queryRows<{ code: string }>(
      db(),
      sql`select code from stations where kind = 'air' and not is_background order by code`,
    )
    for (const { code } of city) {
      await insertHours(code, '2026-11-09T16:00:00Z', 24, V1) // 11-10 Beijing: good
      await insertHours(code, '2026-11-10T16:00:00Z', 24, V2) // 11-11: polluted
      await insertHours(code, '2026-11-11T16:00:00Z', 10, V1) // 11-12: too few hours
      await insertHours(code, '2026-11-20T01:00:00Z', 1, V2) // the latest hour
    }
    // the background site and a reading after "now" must not count
    await insertHours('1324A', '2026-11-20T01:00:00Z', 1, { ...V2, pm25: 500 })
    await insertHours('1316A', '2026-11-20T03:00:00Z', 1, { ...V2, pm25: 400 })
  }

  async function seedCases() {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const { case: c } = await reportCase(
        db(),
        WHO,
        {
          kind: 'event',
          categoryCode: '0106',
          description: `堆物 ${i}`,
          location: [113.68, 34.78],
          channel: 'hotline',
        },
        minutesAgo(600),
      )
      ids.push(c.id)
    }
    const set = (id: string | undefined, status: string, deadline: string, updated: string) =>
      db()
        .execute(sql`update city_cases set status = ${status}, deadline = ${deadline}::timestamptz,
        updated_at = ${updated}::timestamptz, responsible_department = 'cgj' where id = ${id ?? ''}`)
    await set(ids[0], 'DISPATCHED', '2026-11-20T01:00:00Z', '2026-11-19T20:00:00Z') // due today, overdue
    await set(ids[1], 'CLOSED', '2026-11-20T08:00:00Z', '2026-11-20T01:30:00Z') // closed on time
    await set(ids[2], 'CLOSED', '2026-11-19T17:00:00Z', '2026-11-20T01:00:00Z') // closed late
  }

  it('counts incidents and calls exactly as independent SQL does, with the seq', async () => {
    const kpis = await kpisAs('leader')
    const byGrade = await queryRows<{ grade: string; n: number }>(
      db(),
      sql`select grade, count(*)::int as n from incidents where status <> 'closed' group by grade`,
    )
    for (const { grade, n } of byGrade)
      expect(kpis.incidents.activeByGrade[grade as IncidentGrade]).toBe(n)
    expect(kpis.incidents).toEqual({
      activeByGrade: { I: 1, II: 1, III: 2, IV: 2 },
      activeTotal: 6,
    })
    const calls = await queryRows<{ source: string; n: number }>(
      db(),
      sql`select source, count(*)::int as n from incidents
          where reported_at > ${minutesAgo(60).toISOString()}::timestamptz
            and reported_at <= ${NOW.toISOString()}::timestamptz
            and source in ('110','119','120','122','12345') group by source`,
    )
    expect(kpis.calls.byLine).toEqual({
      '110': 1,
      '119': 1,
      '120': 1,
      '122': 1,
      '12345': 0,
      ...Object.fromEntries(calls.map((c) => [c.source, c.n])),
    })
    expect(kpis.calls).toMatchObject({ total: 4, from: '2026-11-20T01:00:00.000Z' })
    const counter = await one<{ last_seq: string }>(sql`select last_seq::text from event_counter`)
    expect(kpis.seq).toBe(Number(counter?.last_seq))
    expect(kpis.scope).toEqual({ kind: 'all' })
  })

  it('computes TPI and the arterial speed from fresh segments, as SQL does independently', async () => {
    const kpis = await kpisAs('operator')
    // GB/T 33171 bands (domain speed-bands) → severity 0/2.5/5/7.5/10, length-weighted
    const expected = await one<{ tpi: number; arterial: number; n: number }>(sql`
      with fresh as (
        select road_class, length_m, speed_kmh,
          case road_class when 'expressway' then array[65,50,35,20] when 'arterial' then array[40,30,20,15]
            else array[35,25,15,10] end as t
        from road_segments
        where observed_at > (select max(observed_at) from road_segments) - interval '15 minutes'),
      levelled as (
        select *, case when speed_kmh > t[1] then 0 when speed_kmh > t[2] then 2.5
          when speed_kmh > t[3] then 5 when speed_kmh > t[4] then 7.5 else 10 end as severity
        from fresh)
      select sum(length_m * severity) / sum(length_m) as tpi,
        sum(length_m) filter (where road_class = 'arterial')
          / sum(length_m / greatest(speed_kmh, 1)) filter (where road_class = 'arterial') as arterial,
        count(*)::int as n
      from levelled`)
    expect(kpis.traffic).toMatchObject({
      segments: expected?.n,
      arterialSpeedTargetKmh: 40,
      observedAt: minutesAgo(1).toISOString(),
    })
    expect(kpis.traffic?.tpi).toBeCloseTo(Number(expected?.tpi), 1)
    expect(kpis.traffic?.arterialSpeedKmh).toBeCloseTo(Number(expected?.arterial), 1)
    expect(kpis.traffic?.isArterialTargetMet).toBe((kpis.traffic?.arterialSpeedKmh ?? 0) > 40)
  })

  it('gives the city AQI of the latest hour without the background site, and 优良天数', async () => {
    const { air } = await kpisAs('shiftlead')
    expect(air?.now).toMatchObject({
      observedAt: '2026-11-20T01:00:00.000Z',
      aqi: 172, // PM2.5 130 on the particle table; 1-hour SO₂/NO₂/CO tables
      level: 4,
      category: '中度污染',
      primaryPollutants: ['pm25'],
      standard: 'HJ633-2026', // in force from 2026-03-01; V1 93 and V2 172 under it too
      stations: 8,
    })
    expect(air?.goodDays).toEqual({ year: 2026, goodDays: 1, assessedDays: 2, target: 300 })
  })

  it("counts open and overdue cases and today's 结案率 / 按期结案率 like SQL", async () => {
    const { cases } = await kpisAs('leader')
    const expected = await one<{ open: number; overdue: number; due: number }>(sql`
      select count(*) filter (where status not in ('INVALID','NOT_FILED','CLOSED'))::int as open,
        count(*) filter (where status not in ('INVALID','NOT_FILED','CLOSED')
          and deadline < ${NOW.toISOString()}::timestamptz)::int as overdue,
        count(*) filter (where deadline >= '2026-11-19T16:00:00Z' and deadline < '2026-11-20T16:00:00Z')::int as due
      from city_cases`)
    expect(cases).toEqual({
      open: expected?.open,
      overdue: expected?.overdue,
      dueToday: expected?.due,
      closedToday: 2,
      closedOnTimeToday: 1,
      closureRate: 2 / 3,
      onTimeClosureRate: 1 / 3,
    })
    expect(cases).toMatchObject({ open: 2, overdue: 1, dueToday: 3 })
  })

  it('gives a handler its department only, without traffic and air', async () => {
    const kpis = await kpisAs('handler-cgj')
    expect(kpis.scope).toEqual({ kind: 'departments', codes: ['cgj'] })
    expect(kpis.incidents).toEqual({
      activeByGrade: { I: 0, II: 0, III: 2, IV: 1 },
      activeTotal: 3,
    })
    expect(kpis.calls.byLine).toEqual({ '110': 0, '119': 0, '120': 1, '122': 0, '12345': 0 })
    expect(kpis).toMatchObject({ traffic: null, air: null })
    expect(kpis.cases).toMatchObject({ open: 1, overdue: 1, dueToday: 3 })
  })

  it('refuses roles without incident.read', async () => {
    const res = await env.app.request(
      '/api/kpis/wall',
      asBrowser(await loginAs(env.app, 'inspector')),
    )
    expect(res.status).toBe(403)
  })
})

describe('wall KPIs with nothing due', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase('pglite')
  })
  afterAll(() => t?.dispose())

  it('returns null rates and null air/traffic figures rather than made-up numbers', async () => {
    const env = testApp(t.handle)
    const res = await env.app.request('/api/kpis/wall', asBrowser(await loginAs(env.app, 'leader')))
    const kpis = WallKpis.parse(await res.json())
    expect(kpis.cases).toMatchObject({ dueToday: 0, closureRate: null, onTimeClosureRate: null })
    expect(kpis.air).toEqual({
      now: null,
      goodDays: { year: 2026, goodDays: 0, assessedDays: 0, target: 300 },
    })
    expect(kpis.traffic).toMatchObject({ tpi: null, arterialSpeedKmh: null, segments: 0 })
  })
})
