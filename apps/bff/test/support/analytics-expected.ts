import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../src/db/client'
import { queryRows } from '../../src/db/query-rows'

// The thematic map's numbers computed independently, for the tests: straight from the raw
// fact tables with a point-in-polygon join against the area outlines at query time (no stored
// area columns, no rollups, no code shared with src/services/analytics).

export interface Expected {
  code: string
  value: number | null
}

export interface ExpectedQuery {
  indicator: string
  level: 'district' | 'township'
  from: string
  to: string
  incidentCategory?: string
  incidentGrade?: string
  caseCategory?: string
}

const areas = (level: 'district' | 'township') =>
  level === 'district'
    ? sql`(select code, geom from admin_areas where level = 'district')`
    : sql`(select code, geom from townships where geom is not null)`

export async function expectedValues(db: Database, q: ExpectedQuery): Promise<Expected[]> {
  const from = sql`${q.from}::timestamptz`
  const to = sql`${q.to}::timestamptz`
  const a = areas(q.level)
  const within = (col: SQL) => sql`${col} >= ${from} and ${col} < ${to}`
  const family = q.indicator.split('.')[0]
  let query: SQL
  if (family === 'incidents') {
    const filters = sql`${q.incidentCategory ? sql`and i.category = ${q.incidentCategory}` : sql``}
      ${q.incidentGrade ? sql`and i.grade = ${q.incidentGrade}` : sql``}`
    const n = sql`(select count(*) from incidents i
      where ST_Contains(a.geom, i.location) and ${within(sql`i.reported_at`)} ${filters})`
    query =
      q.indicator === 'incidents.count'
        ? sql`select a.code, ${n}::float8 as value from ${a} a`
        : sql`select a.code, ${n}::float8 * 10000 / p.population as value
            from ${a} a left join area_population p on p.code = a.code`
  } else if (q.indicator === 'cases.count') {
    const cat = q.caseCategory ? sql`and c.category_code like ${q.caseCategory + '%'}` : sql``
    query = sql`select a.code, (select count(*) from city_cases c
        where ST_Contains(a.geom, c.location) and ${within(sql`c.reported_at`)} ${cat})::float8 as value
      from ${a} a`
  } else if (family === 'cases') {
    const cat = q.caseCategory ? sql`and c.category_code like ${q.caseCategory + '%'}` : sql``
    const numerator = {
      'cases.closureRate': sql`c.status = 'CLOSED'`,
      'cases.onTimeRate': sql`c.status = 'CLOSED' and c.updated_at <= c.deadline`,
      'cases.reworkRate': sql`c.rework_count > 0`,
    }[q.indicator] as SQL
    query = sql`select a.code,
        (count(c.id) filter (where ${numerator}))::float8 / nullif(count(c.id), 0) as value
      from ${a} a left join city_cases c on ST_Contains(a.geom, c.location)
        and ${within(sql`c.deadline`)} ${cat}
      group by a.code`
  } else if (family === 'env') {
    const readings = sql`select a.code, (e.observed_at at time zone 'Asia/Shanghai')::date as d,
        e.aqi::float8 as aqi, (e.concentrations ->> 'pm25')::float8 as pm25
      from ${a} a join stations s on ST_Contains(a.geom, s.location)
      join env_readings e on e.station_code = s.code and ${within(sql`e.observed_at`)}`
    const value = {
      'env.aqiMean': sql`(select avg(aqi) from r where r.code = a.code)`,
      'env.pm25Mean': sql`(select avg(pm25) from r where r.code = a.code)`,
      'env.daysOver100': sql`(select case when count(*) = 0 then null
          else count(*) filter (where m > 100) end::float8 from days where days.code = a.code)`,
      'env.goodDayRate': sql`(select (count(*) filter (where m <= 100))::float8
          / nullif(count(*), 0) from days where days.code = a.code)`,
    }[q.indicator] as SQL
    query = sql`with r as (${readings}),
        days as (select code, d, avg(aqi) as m from r where aqi is not null group by code, d)
      select a.code, ${value} as value from ${a} a`
  } else {
    const readings = sql`select a.code, g.road_class, t.speed_kmh, t.congestion_level, t.observed_at
      from ${a} a join road_segments g on ST_Contains(a.geom, ST_LineInterpolatePoint(g.geom, 0.5))
      join traffic_readings t on t.segment_id = g.id and ${within(sql`t.observed_at`)}`
    const value =
      q.indicator === 'traffic.arterialSpeedMean'
        ? sql`(select avg(speed_kmh) from r where r.code = a.code
            and r.road_class in ('expressway', 'arterial'))`
        : sql`(select case when count(*) = 0 then null else count(*) filter (where
              congestion_level >= 3 and date_trunc('hour', observed_at) = observed_at) end::float8
            from r where r.code = a.code)`
    query = sql`with r as (${readings}) select a.code, ${value} as value from ${a} a`
  }
  const rows = await queryRows<{ code: string; value: number | string | null }>(
    db,
    sql`select code, value from (${query}) x order by code`,
  )
  return rows.map((r) => ({ code: r.code, value: r.value === null ? null : Number(r.value) }))
}
