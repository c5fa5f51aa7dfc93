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

/** Incidents by report time: `n`. Filters: incident category and grade. */
export const incidentsSql: FamilySql = {
  aggregate(key, parts, filters, where) {
    const rows = unionParts(
      parts,
      (days) => sql`select nullif(area_district, '') as area_district,
          nullif(area_township, '') as area_township, day::timestamp as local_ts, last_at, n
        from analytics_incidents_daily
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
