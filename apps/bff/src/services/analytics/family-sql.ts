import { sql, type SQL } from 'drizzle-orm'
import type { WindowParts } from './analytics-window'

// What every family's SQL shares. A family yields fact rows with the columns
// area_district, area_township (null outside every area), local_ts (Beijing local time: the
// rollup's day at 00:00, or the raw row's own time), last_at (the fact's time) and its measure
// columns; `aggregate` groups them by a key the caller chooses (an area column or a time bucket).

export interface AnalyticsFilters {
  incidentCategory?: string | undefined
  incidentGrade?: string | undefined
  caseCategory?: string | undefined
}

export interface FamilySql {
  /** Sums per key: `key`, the family's measures (float8) and `last_at`. */
  aggregate(key: SQL, parts: WindowParts, filters: AnalyticsFilters, where: SQL): SQL
}

export const BEIJING = sql.raw(`'Asia/Shanghai'`)

export const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`

/** `column` within one of the window's raw edge ranges (each range can use the time index). */
export const inEdge = (column: SQL, edge: { from: Date; to: Date }) =>
  sql`${column} >= ${instant(edge.from)} and ${column} < ${instant(edge.to)}`

export const dayRange = (column: SQL, days: { from: string; to: string }) =>
  sql`${column} >= ${days.from}::date and ${column} < ${days.to}::date`

/** The rollup part (whole days, if any) and one raw part per edge, as one UNION ALL. */
export function unionParts(
  parts: WindowParts,
  rollup: (days: { from: string; to: string }) => SQL,
  raw: (edge: { from: Date; to: Date }) => SQL,
): SQL {
  const selects = [...(parts.days ? [rollup(parts.days)] : []), ...parts.edges.map(raw)]
  return sql.join(
    selects.map((s) => sql`(${s})`),
    sql` union all `,
  )
}

/** A 4-digit category code matches itself, a 2-digit one its 大类 (GB/T 30428.2 codes). */
export const caseCategoryCondition = (column: SQL, code: string | undefined) =>
  code === undefined ? sql`true` : sql`left(${column}, ${code.length}) = ${code}`

export const equalsIfGiven = (column: SQL, value: string | undefined) =>
  value === undefined ? sql`true` : sql`${column} = ${value}`

/** Sums of plain additive measures, grouped by `key`. */
export function sumsBy(key: SQL, rows: SQL, measures: readonly string[], where: SQL): SQL {
  const sums = sql.join(
    measures.map((m) => sql.raw(`coalesce(sum(${m}), 0)::float8 as ${m}`)),
    sql`, `,
  )
  return sql`select ${key} as key, ${sums}, max(last_at) as last_at
    from (${rows}) f where ${where} group by 1`
}
