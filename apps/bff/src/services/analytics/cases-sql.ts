import { sql } from 'drizzle-orm'
import {
  BEIJING,
  caseCategoryCondition,
  dayRange,
  inEdge,
  sumsBy,
  unionParts,
  type AnalyticsFilters,
  type FamilySql,
} from './family-sql'

/**
 * The fine rollup (by category and kind) when a category filter is given, else the coarse
 * (day, area) one: ~30× fewer rows for an unfiltered map (B4 in docs/PERFORMANCE.md).
 * caseCategoryCondition is `true` without a filter, so the coarse table needs no category_code.
 */
const caseRollup = (filters: AnalyticsFilters, family: string) =>
  sql.raw(filters.caseCategory === undefined ? `${family}_area_daily` : `${family}_daily`)

/** 数字城管 cases by report time: `n` (cases.count). Filter: case category. */
export const casesReportedSql: FamilySql = {
  aggregate(key, parts, filters, where) {
    const rollup = caseRollup(filters, 'analytics_cases_reported')
    const rows = unionParts(
      parts,
      (days) => sql`select nullif(area_district, '') as area_district,
          nullif(area_township, '') as area_township, day::timestamp as local_ts, last_at, n
        from ${rollup}
        where ${dayRange(sql`day`, days)}
          and ${caseCategoryCondition(sql`category_code`, filters.caseCategory)}`,
      (edge) => sql`select area_district, area_township,
          reported_at at time zone ${BEIJING} as local_ts, reported_at as last_at, 1 as n
        from city_cases
        where ${inEdge(sql`reported_at`, edge)}
          and ${caseCategoryCondition(sql`category_code`, filters.caseCategory)}`,
    )
    return sumsBy(key, rows, ['n'], where)
  },
}

/**
 * Cases by deadline (应结案 = deadline in the window, DOMAIN.md §2.1) and what became of them:
 * `due`, `closed` (status CLOSED), `on_time` (CLOSED and updated_at <= deadline: closing is
 * terminal, so the last update is the close, as services/kpis/case-kpis.ts) and `reworked`
 * (rework_count > 0). `last_at` is the newest update of the cases counted.
 */
export const casesDueSql: FamilySql = {
  aggregate(key, parts, filters, where) {
    const rollup = caseRollup(filters, 'analytics_cases_due')
    const rows = unionParts(
      parts,
      (days) => sql`select nullif(area_district, '') as area_district,
          nullif(area_township, '') as area_township, day::timestamp as local_ts, last_at,
          due, closed, on_time, reworked
        from ${rollup}
        where ${dayRange(sql`day`, days)}
          and ${caseCategoryCondition(sql`category_code`, filters.caseCategory)}`,
      (edge) => sql`select area_district, area_township,
          deadline at time zone ${BEIJING} as local_ts, updated_at as last_at, 1 as due,
          (status = 'CLOSED')::int as closed,
          (status = 'CLOSED' and updated_at <= deadline)::int as on_time,
          (rework_count > 0)::int as reworked
        from city_cases
        where ${inEdge(sql`deadline`, edge)}
          and ${caseCategoryCondition(sql`category_code`, filters.caseCategory)}`,
    )
    return sumsBy(key, rows, ['due', 'closed', 'on_time', 'reworked'], where)
  },
}
