import {
  classCounts,
  classify,
  classOf,
  type ChoroplethQuery,
  type ChoroplethResult,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { areaColumn, areaNames, populations } from './analytics-areas'
import { splitWindow } from './analytics-window'
import { mappedLevel } from './indicator-catalogue'
import { indicatorSql, type Sums } from './indicator-sql'
import { serialRead } from './serial-read'

type Row = { key: string; last_at: string | Date | null } & Sums

/**
 * One indicator for every area of a level over [from, to): rollups for the whole Beijing days,
 * raw rows for the partial edge days. Every area of the level is listed; the classes come from
 * the domain's classify() over the areas that have a value. `now` is not used by any
 * indicator today (windows are explicit); it is kept for windows relative to the clock.
 */
export async function queryChoropleth(
  db: Executor,
  query: ChoroplethQuery,
  _now: Date,
): Promise<ChoroplethResult> {
  return serialRead(db, (tx) => choropleth(tx, query))
}

async function choropleth(db: Executor, query: ChoroplethQuery): Promise<ChoroplethResult> {
  const level = mappedLevel(query.level)
  const indicator = indicatorSql(query.indicator)
  const column = sql`f.${areaColumn(level)}`
  const rows = await queryRows<Row>(
    db,
    indicator.family.aggregate(
      column,
      splitWindow(new Date(query.from), new Date(query.to)),
      query,
      sql`${column} is not null`,
    ),
  )
  const byArea = new Map(rows.map((r) => [r.key, r]))
  const population = query.indicator === 'incidents.per10k' ? await populations(db) : new Map()
  const areas = (await areaNames(db, level)).map((a) => ({
    code: a.code,
    name: a.name,
    ...indicator.value(byArea.get(a.code), population.get(a.code) ?? null),
  }))
  const values = areas.flatMap((a) => (a.value === null ? [] : [a.value]))
  const { breaks } = classify(values, query.method, query.classes, query.breaks)
  const newest = rows.reduce<number | null>((max, r) => {
    const t = r.last_at === null ? null : new Date(r.last_at).getTime()
    return t !== null && (max === null || t > max) ? t : max
  }, null)
  return {
    indicator: query.indicator,
    level,
    from: query.from,
    to: query.to,
    method: query.method,
    breaks,
    counts: breaks.length > 0 ? classCounts(values, breaks) : [],
    areas: areas.map((a) => ({
      ...a,
      class: a.value === null || breaks.length === 0 ? null : classOf(a.value, breaks),
    })),
    dataTime: newest === null ? null : new Date(newest).toISOString(),
  }
}
