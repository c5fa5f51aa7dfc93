import type { ChoroplethQuery } from '@cityops/domain'
import { sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { populations, type MappedLevel } from './analytics-areas'
import { caseCategoryCondition, equalsIfGiven, instant } from './family-sql'
import { indicatorSql, type Sums, type ValueAndBasis } from './indicator-sql'

// The baseline of benchmark B4: the same choropleth numbers for the incident and case
// indicators, computed the slow way (a point-in-polygon join of the raw rows against the area
// outlines at query time: no stored area columns, no rollups). Its answers equal
// queryChoropleth's, which the tests check.

export const RAW_BASELINE_INDICATORS = [
  'incidents.count',
  'incidents.per10k',
  'cases.count',
  'cases.closureRate',
  'cases.onTimeRate',
  'cases.reworkRate',
] as const
export type RawBaselineIndicator = (typeof RAW_BASELINE_INDICATORS)[number]

export type RawChoroplethQuery = Pick<
  ChoroplethQuery,
  'from' | 'to' | 'incidentCategory' | 'incidentGrade' | 'caseCategory'
> & { indicator: RawBaselineIndicator; level: MappedLevel }

const AREAS: Record<MappedLevel, SQL> = {
  district: sql`select code, geom from admin_areas where level = 'district'`,
  township: sql`select code, geom from townships where geom is not null`,
}

function rawSums(q: RawChoroplethQuery): SQL {
  const from = instant(new Date(q.from))
  const to = instant(new Date(q.to))
  if (q.indicator.startsWith('incidents.')) {
    return sql`select a.code as key, count(i.id)::float8 as n
      from (${AREAS[q.level]}) a
      left join incidents i on ST_Contains(a.geom, i.location)
        and i.reported_at >= ${from} and i.reported_at < ${to}
        and ${equalsIfGiven(sql`i.category`, q.incidentCategory)}
        and ${equalsIfGiven(sql`i.grade`, q.incidentGrade)}
      group by a.code`
  }
  if (q.indicator === 'cases.count') {
    return sql`select a.code as key, count(c.id)::float8 as n
      from (${AREAS[q.level]}) a
      left join city_cases c on ST_Contains(a.geom, c.location)
        and c.reported_at >= ${from} and c.reported_at < ${to}
        and ${caseCategoryCondition(sql`c.category_code`, q.caseCategory)}
      group by a.code`
  }
  return sql`select a.code as key, count(c.id)::float8 as due,
      (count(c.id) filter (where c.status = 'CLOSED'))::float8 as closed,
      (count(c.id) filter (where c.status = 'CLOSED' and c.updated_at <= c.deadline))::float8
        as on_time,
      (count(c.id) filter (where c.rework_count > 0))::float8 as reworked
    from (${AREAS[q.level]}) a
    left join city_cases c on ST_Contains(a.geom, c.location)
      and c.deadline >= ${from} and c.deadline < ${to}
      and ${caseCategoryCondition(sql`c.category_code`, q.caseCategory)}
    group by a.code`
}

/** Each area's value and basis for an incident or case indicator, from the raw rows only. */
export async function rawChoroplethValues(
  db: Executor,
  query: RawChoroplethQuery,
): Promise<Array<{ code: string } & ValueAndBasis>> {
  const rows = await queryRows<{ key: string } & Sums>(db, rawSums(query))
  const population = query.indicator === 'incidents.per10k' ? await populations(db) : new Map()
  const value = indicatorSql(query.indicator).value
  return rows
    .map((r) => ({ code: r.key, ...value(r, population.get(r.key) ?? null) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}
