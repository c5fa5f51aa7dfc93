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
    // each reading once, in the area holding its station; then per area (and per area and day)
    const readings = sql`select a.code, (e.observed_at at time zone 'Asia/Shanghai')::date as d,
        e.aqi::float8 as aqi, (e.concentrations ->> 'pm25')::float8 as pm25
      from ${a} a join stations s on ST_Contains(a.geom, s.location)
      join env_readings e on e.station_code = s.code and ${within(sql`e.observed_at`)}`
    const value = {
      'env.aqiMean': sql`m.aqi`,
      'env.pm25Mean': sql`m.pm25`,
      'env.daysOver100': sql`case when dc.days = 0 then null else dc.over end::float8`,
      'env.goodDayRate': sql`(dc.days - dc.over)::float8 / nullif(dc.days, 0)`,
    }[q.indicator] as SQL
    query = sql`with r as materialized (${readings}),
        m as (select code, avg(aqi) as aqi, avg(pm25) as pm25 from r group by code),
        days as (select code, d, avg(aqi) as mean from r where aqi is not null group by code, d),
        dc as (select code, count(*) as days, count(*) filter (where mean > 100) as over
          from days group by code)
      select a.code, ${value} as value
      from ${a} a left join m on m.code = a.code left join dc on dc.code = a.code`
  } else {
    // each segment in the area holding its midpoint, then its readings in the window
    const segments = sql`select a.code, g.id, g.road_class
      from ${a} a join road_segments g on ST_Contains(a.geom, ST_LineInterpolatePoint(g.geom, 0.5))`
    const readings = sql`select seg.code, seg.road_class, t.speed_kmh, t.congestion_level,
        t.observed_at
      from traffic_readings t join seg on seg.id = t.segment_id
      where ${within(sql`t.observed_at`)}`
    const value =
      q.indicator === 'traffic.arterialSpeedMean'
        ? sql`m.speed`
        : sql`case when coalesce(m.n, 0) = 0 then null else m.congested end::float8`
    query = sql`with seg as materialized (${segments}), r as materialized (${readings}),
        m as (select code, count(*) as n,
          avg(speed_kmh) filter (where road_class in ('expressway', 'arterial')) as speed,
          count(*) filter (where congestion_level >= 3
            and date_trunc('hour', observed_at) = observed_at) as congested
          from r group by code)
      select a.code, ${value} as value from ${a} a left join m on m.code = a.code`
  }
  const rows = await queryRows<{ code: string; value: number | string | null }>(
    db,
    sql`select code, value from (${query}) x order by code`,
  )
  return rows.map((r) => ({ code: r.code, value: r.value === null ? null : Number(r.value) }))
}
