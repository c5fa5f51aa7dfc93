import { sql } from 'drizzle-orm'
import {
  BEIJING,
  equalsIfGiven,
  inEdge,
  dayRange,
  sumsBy,
  unionParts,
  type FamilySql,
} from './family-sql'

/**
 * Incidents by report time: `n`. Filters: incident category and grade. Without a filter the
 * whole days come from the coarse (day, area) rollup, ~30× fewer rows than the fine one (B4 in
 * docs/PERFORMANCE.md); equalsIfGiven is `true` there, so it needs no category or grade.
 */
export const incidentsSql: FamilySql = {
  aggregate(key, parts, filters, where) {
    const fine = filters.incidentCategory !== undefined || filters.incidentGrade !== undefined
    const rollup = sql.raw(fine ? 'analytics_incidents_daily' : 'analytics_incidents_area_daily')
    const rows = unionParts(
      parts,
      (days) => sql`select nullif(area_district, '') as area_district,
          nullif(area_township, '') as area_township, day::timestamp as local_ts, last_at, n
        from ${rollup}
        where ${dayRange(sql`day`, days)}
          and ${equalsIfGiven(sql`category`, filters.incidentCategory)}
          and ${equalsIfGiven(sql`grade`, filters.incidentGrade)}`,
      (edge) => sql`select area_district, area_township,
          reported_at at time zone ${BEIJING} as local_ts, reported_at as last_at, 1 as n
        from incidents
        where ${inEdge(sql`reported_at`, edge)}
          and ${equalsIfGiven(sql`category`, filters.incidentCategory)}
          and ${equalsIfGiven(sql`grade`, filters.incidentGrade)}`,
    )
    return sumsBy(key, rows, ['n'], where)
  },
}
