import { ChoroplethQuery, INDICATOR_IDS, type ChoroplethResult } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { importPopulation } from '../src/services/analytics/import-population'
import { queryChoropleth } from '../src/services/analytics/query-choropleth'
import {
  rawChoroplethValues,
  RAW_BASELINE_INDICATORS,
} from '../src/services/analytics/raw-choropleth'
import { expectedValues, type ExpectedQuery } from './support/analytics-expected'
import { EDGE_WINDOW, seedAnalytics } from './support/analytics-seed'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// Issue #7: "the choropleth numbers equal an independent SQL count over the raw rows for the
// same filters (every area, every indicator family)". The service answers from the rollups
// plus raw edge days; the expectation is a point-in-polygon join written in the test.

const NOW = new Date('2026-11-20T02:00:00Z')
const LEVELS = ['district', 'township'] as const

const WINDOWS = {
  'partial days at both edges': EDGE_WINDOW,
  'inside one day': { from: '2026-11-12T08:15:00+08:00', to: '2026-11-12T21:00:00+08:00' },
  'whole days only': { from: '2026-11-09T00:00:00+08:00', to: '2026-11-15T00:00:00+08:00' },
}

describe.each(DRIVERS)('thematic choropleth on %s', (driver) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    await seedAnalytics(t.handle.db)
    // populations for a few areas only: the others must come back null
    await importPopulation(
      t.handle.db,
      'code,population,year,source\n410102,1000000,2020,test\n410105,1600000,2020,test\n410181,820000,2020,test\n',
    )
  }, 120_000)
  afterAll(() => t?.dispose())

  const db = () => t.handle.db
  const choropleth = (q: Record<string, string>) =>
    queryChoropleth(db(), ChoroplethQuery.parse(q), NOW)

  async function expectMatches(q: ExpectedQuery) {
    const [actual, expected] = await Promise.all([
      choropleth({ ...q, indicator: q.indicator }),
      expectedValues(db(), q),
    ])
    expect(actual.areas.map((a) => a.code)).toEqual(expected.map((e) => e.code))
    actual.areas.forEach((a, i) => {
      const e = expected[i]?.value ?? null
      const where = `${q.indicator} ${q.level} ${a.code}`
      if (e === null) expect(a.value, where).toBeNull()
      else expect(a.value, where).toBeCloseTo(e, 9)
    })
    return { actual, expected }
  }

  it('the seed reaches many areas, and areas without facts too', async () => {
    const [row] = await queryRows<{ d: number; t: number; outside: number }>(
      db(),
      sql`select count(distinct area_district)::int as d, count(distinct area_township)::int as t,
          (count(*) filter (where area_district is null))::int as outside
        from incidents where id like 'ana-%'`,
    )
    expect(row?.d).toBeGreaterThanOrEqual(6)
    expect(row?.t).toBeGreaterThanOrEqual(20)
    expect(row?.outside).toBeGreaterThan(0)
  })

  for (const [name, window] of Object.entries(WINDOWS)) {
    it(`every indicator, every area, districts and townships: ${name}`, async () => {
      let nonNull = 0
      for (const indicator of INDICATOR_IDS) {
        for (const level of LEVELS) {
          const { expected } = await expectMatches({ indicator, level, ...window })
          nonNull += expected.filter((e) => e.value !== null && e.value !== 0).length
        }
      }
      expect(nonNull).toBeGreaterThan(50) // not a comparison of empty maps
    }, 120_000)
  }

  it('filters: incident category and grade, case 大类 and 小类', async () => {
    const queries: ExpectedQuery[] = [
      { indicator: 'incidents.count', level: 'district', ...EDGE_WINDOW, incidentGrade: 'II' },
      { indicator: 'incidents.count', level: 'township', ...EDGE_WINDOW, incidentCategory: 'fire' },
      { indicator: 'cases.count', level: 'district', ...EDGE_WINDOW, caseCategory: '01' },
      { indicator: 'cases.closureRate', level: 'district', ...EDGE_WINDOW, caseCategory: '0305' },
      { indicator: 'cases.onTimeRate', level: 'township', ...EDGE_WINDOW, caseCategory: '01' },
    ]
    for (const q of queries) {
      const { actual } = await expectMatches(q)
      expect(actual.areas.some((a) => (a.value ?? 0) > 0)).toBe(true)
    }
  })

  it('the raw baseline (no area columns, no rollups) gives the same numbers', async () => {
    for (const indicator of RAW_BASELINE_INDICATORS) {
      for (const level of LEVELS) {
        const q = { indicator, level, ...EDGE_WINDOW }
        const [raw, actual] = await Promise.all([
          rawChoroplethValues(db(), q),
          choropleth({ indicator, level, ...EDGE_WINDOW }),
        ])
        expect(raw.map((r) => [r.code, r.value, r.basis])).toEqual(
          actual.areas.map((a) => [a.code, a.value, a.basis]),
        )
      }
    }
  })

  it('case changes after insertion reach the numbers: close, rework, deadline moves', async () => {
    const before = await choropleth({ indicator: 'cases.closureRate', ...EDGE_WINDOW })
    await db().execute(sql`update city_cases set status = 'CLOSED',
        updated_at = deadline - interval '1 hour'
      where id like 'ana-c-%' and status <> 'CLOSED' and deadline is not null
        and abs(hashtext(id)) % 3 = 0`)
    await db().execute(sql`update city_cases set status = 'CLOSED',
        updated_at = deadline + interval '1 hour'
      where id like 'ana-c-%' and status <> 'CLOSED' and deadline is not null
        and abs(hashtext(id)) % 3 = 1`)
    await db().execute(sql`update city_cases set rework_count = rework_count + 1
      where id like 'ana-c-%' and abs(hashtext(id || 'rw')) % 5 = 0`)
    // deadlines moved across the window's edges and midnights, some cleared, some set
    await db().execute(sql`update city_cases set deadline = deadline + interval '2 days 7 hours'
      where id like 'ana-c-%' and abs(hashtext(id || 'dl')) % 4 = 0`)
    await db().execute(sql`update city_cases set deadline = null
      where id like 'ana-c-%' and abs(hashtext(id || 'dn')) % 17 = 0`)
    await db().execute(sql`update city_cases set deadline = reported_at + interval '30 hours'
      where id like 'ana-c-%' and deadline is null and abs(hashtext(id || 'ds')) % 2 = 0`)
    // one reopened (a correction), one moved to another district, one deleted
    await db().execute(sql`update city_cases set status = 'DISPATCHED'
      where id = (select min(id) from city_cases where status = 'CLOSED' and id like 'ana-c-%')`)
    await db()
      .execute(sql`update city_cases set location = ST_SetSRID(ST_MakePoint(113.03, 34.76), 4326)
      where id = 'ana-c-7'`)
    await db().execute(sql`delete from city_cases where id = 'ana-c-11'`)
    const after = await choropleth({ indicator: 'cases.closureRate', ...EDGE_WINDOW })
    expect(after.areas.map((a) => a.value)).not.toEqual(before.areas.map((a) => a.value))
    for (const indicator of INDICATOR_IDS.filter((i) => i.startsWith('cases.'))) {
      for (const level of LEVELS) await expectMatches({ indicator, level, ...EDGE_WINDOW })
    }
  }, 120_000)

  it('incident regrades, moves and deletions, and readings removed, reach the numbers', async () => {
    await db().execute(sql`update incidents set grade = 'I'
      where id like 'ana-i-%' and abs(hashtext(id || 'rg')) % 6 = 0`)
    await db()
      .execute(sql`update incidents set location = ST_SetSRID(ST_MakePoint(113.66, 34.75), 4326)
      where id like 'ana-i-%' and abs(hashtext(id || 'mv')) % 9 = 0`)
    await db().execute(
      sql`delete from incidents where id like 'ana-i-%' and abs(hashtext(id || 'x')) % 13 = 0`,
    )
    await db().execute(
      sql`delete from env_readings where abs(hashtext(station_code || observed_at::text)) % 10 = 0`,
    )
    await db().execute(sql`update traffic_readings set congestion_level = 5
      where abs(hashtext(segment_id || observed_at::text || 'u')) % 10 = 0`)
    for (const indicator of INDICATOR_IDS.filter((i) => !i.startsWith('cases.'))) {
      for (const level of LEVELS) await expectMatches({ indicator, level, ...EDGE_WINDOW })
    }
    await expectMatches({
      indicator: 'incidents.count',
      level: 'district',
      ...EDGE_WINDOW,
      incidentGrade: 'I',
    })
  }, 120_000)

  it('the rollup tables equal a recount of the raw rows (triggers kept them exact)', async () => {
    const differences = await queryRows<{ n: number }>(
      db(),
      sql`with recount as (
          select (deadline at time zone 'Asia/Shanghai')::date as day,
            coalesce(area_district, '') as d, coalesce(area_township, '') as t, category_code, kind,
            count(*)::int as due, (count(*) filter (where status = 'CLOSED'))::int as closed,
            (count(*) filter (where status = 'CLOSED' and updated_at <= deadline))::int as on_time,
            (count(*) filter (where rework_count > 0))::int as reworked
          from city_cases where deadline is not null group by 1, 2, 3, 4, 5),
        kept as (
          select day, area_district as d, area_township as t, category_code, kind, due, closed,
            on_time, reworked
          from analytics_cases_due_daily where due <> 0 or closed <> 0 or on_time <> 0 or reworked <> 0)
        select count(*)::int as n from ((table recount except table kept)
          union all (table kept except table recount)) x`,
    )
    expect(differences[0]?.n).toBe(0)
  })

  // The coarse (day, area) rollups that unfiltered maps read: each must equal a recount of the
  // raw rows after the same updates, moves and deletions (rows summing to 0 may stay).
  const COARSE = {
    analytics_incidents_area_daily: sql`select (reported_at at time zone 'Asia/Shanghai')::date
        as day, coalesce(area_district, '') as d, coalesce(area_township, '') as t,
        count(*)::int as n
      from incidents group by 1, 2, 3`,
    analytics_cases_reported_area_daily: sql`select
        (reported_at at time zone 'Asia/Shanghai')::date as day, coalesce(area_district, '') as d,
        coalesce(area_township, '') as t, count(*)::int as n
      from city_cases group by 1, 2, 3`,
    analytics_cases_due_area_daily: sql`select (deadline at time zone 'Asia/Shanghai')::date
        as day, coalesce(area_district, '') as d, coalesce(area_township, '') as t,
        count(*)::int as due, (count(*) filter (where status = 'CLOSED'))::int as closed,
        (count(*) filter (where status = 'CLOSED' and updated_at <= deadline))::int as on_time,
        (count(*) filter (where rework_count > 0))::int as reworked
      from city_cases where deadline is not null group by 1, 2, 3`,
  }
  it.each(Object.entries(COARSE))(
    'the coarse rollup %s equals a recount',
    async (table, recount) => {
      const due = table === 'analytics_cases_due_area_daily'
      const measures = sql.raw(due ? 'due, closed, on_time, reworked' : 'n')
      const nonZero = sql.raw(
        due ? 'due <> 0 or closed <> 0 or on_time <> 0 or reworked <> 0' : 'n <> 0',
      )
      const [row] = await queryRows<{ n: number; rows: number }>(
        db(),
        sql`with recount as (${recount}),
        kept as (select day, area_district as d, area_township as t, ${measures}
          from ${sql.raw(table)} where ${nonZero})
        select (select count(*)::int from ((table recount except table kept)
            union all (table kept except table recount)) x) as n,
          (select count(*)::int from kept) as rows`,
      )
      expect(row?.rows).toBeGreaterThan(20) // not a comparison of empty tables
      expect(row?.n).toBe(0)
    },
  )

  it('dataTime is the newest fact time included', async () => {
    const result: ChoroplethResult = await choropleth({
      indicator: 'incidents.count',
      ...EDGE_WINDOW,
    })
    const [row] = await queryRows<{ newest: string | Date }>(
      db(),
      sql`select max(reported_at) as newest from incidents
        where area_district is not null and reported_at >= ${EDGE_WINDOW.from}::timestamptz
          and reported_at < ${EDGE_WINDOW.to}::timestamptz`,
    )
    expect(result.dataTime).toBe(new Date(row?.newest ?? 0).toISOString())
  })

  it('lists areas without facts: 0 for counts, null for rates and means', async () => {
    const far = { from: '2030-01-01T00:00:00+08:00', to: '2030-01-03T12:00:00+08:00' }
    const counts = await choropleth({ indicator: 'incidents.count', ...far })
    expect(counts.areas).toHaveLength(12)
    expect(counts.areas.every((a) => a.value === 0)).toBe(true)
    expect(counts.dataTime).toBeNull()
    const rates = await choropleth({ indicator: 'cases.onTimeRate', level: 'township', ...far })
    expect(rates.areas.length).toBeGreaterThan(50)
    expect(rates.areas.every((a) => a.value === null && a.class === null)).toBe(true)
    expect(rates.breaks).toEqual([])
  })
})
