import { CITY_CODE, DISTRICTS, type TimeseriesQuery, type TimeseriesResult } from '@cityops/domain'
import { sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { HttpError } from '../../http/http-error'
import { populations } from './analytics-areas'
import { rawWindow, splitWindow } from './analytics-window'
import { BEIJING } from './family-sql'
import { indicatorSql, type Sums } from './indicator-sql'
import { serialRead } from './serial-read'

/** [U] Hour buckets read raw rows: a month of them is plenty for a trend chart. */
export const MAX_HOUR_BUCKET_DAYS = 31

const STEP = { hour: '1 hour', day: '1 day', week: '1 week', month: '1 month' } as const

type Row = { key: string } & Sums

/**
 * One indicator over [from, to) in Beijing-time buckets (weeks start on Monday, ISO 8601), for
 * one area (6-digit district or 9-digit township code) or the whole city (the 12 districts).
 * Day, week and month buckets read the rollups for whole days; hour buckets read raw rows.
 * Every bucket that meets the window is listed (the first may start before `from`); `total` is
 * the indicator over the whole window, not a mean of the buckets.
 */
export async function queryTimeseries(
  db: Executor,
  query: TimeseriesQuery,
): Promise<TimeseriesResult> {
  return serialRead(db, (tx) => timeseries(tx, query))
}

async function timeseries(db: Executor, query: TimeseriesQuery): Promise<TimeseriesResult> {
  const indicator = indicatorSql(query.indicator)
  const from = new Date(query.from)
  const to = new Date(query.to)
  if (query.bucket === 'hour') {
    if (indicator.daily) {
      throw new HttpError(
        400,
        '按日计算的指标不能按小时分组 / A daily indicator cannot be bucketed by hour',
      )
    }
    if (to.getTime() - from.getTime() > MAX_HOUR_BUCKET_DAYS * 86_400_000) {
      throw new HttpError(
        400,
        `按小时分组的时段至多 ${MAX_HOUR_BUCKET_DAYS} 天 / Hour buckets need a window of at most ${MAX_HOUR_BUCKET_DAYS} days`,
      )
    }
  }
  if (query.area !== undefined) await requireArea(db, query.area)
  const parts = query.bucket === 'hour' ? rawWindow(from, to) : splitWindow(from, to)
  const where = areaCondition(query.area)
  const bucket = sql.raw(`'${query.bucket}'`)
  const [buckets, totals] = await Promise.all([
    queryRows<Row>(
      db,
      indicator.family.aggregate(
        localIso(sql`date_trunc(${bucket}, f.local_ts)`),
        parts,
        query,
        where,
      ),
    ),
    queryRows<Row>(db, indicator.family.aggregate(sql`'all'`, parts, query, where)),
  ])
  const population = await populationOf(db, query)
  const byStart = new Map(buckets.map((b) => [b.key, b]))
  const starts = await bucketStarts(db, from, to, query.bucket)
  return {
    indicator: query.indicator,
    bucket: query.bucket,
    from: query.from,
    to: query.to,
    area: query.area ?? null,
    points: starts.map((t) => ({ t, ...indicator.value(byStart.get(t), population) })),
    total: indicator.value(totals[0], population).value,
  }
}

/** An area the map can show: a district, or a township with an outline. */
async function requireArea(db: Executor, code: string) {
  const found = await queryRows<{ code: string }>(
    db,
    sql`select code from admin_areas where level = 'district' and code = ${code}
      union all select code from townships where geom is not null and code = ${code}`,
  )
  if (found.length === 0) {
    throw new HttpError(
      400,
      `没有代码为 ${code} 的区县或有边界的乡镇街道 / No district or mapped township has the code ${code}`,
    )
  }
}

function areaCondition(area: string | undefined): SQL {
  if (area === undefined) return sql`f.area_district is not null`
  return area.length === 6 ? sql`f.area_district = ${area}` : sql`f.area_township = ${area}`
}

/** A Beijing local timestamp as ISO 8601 text with its offset (the same from both drivers). */
const localIso = (ts: SQL) => sql`to_char(${ts}, 'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00'`

/** Bucket starts as Beijing local ISO strings with the +08:00 offset. */
async function bucketStarts(db: Executor, from: Date, to: Date, bucket: string) {
  const unit = sql.raw(`'${bucket}'`)
  const step = sql.raw(`'${STEP[bucket as keyof typeof STEP]}'::interval`)
  const rows = await queryRows<{ t: string }>(
    db,
    sql`select ${localIso(sql`s`)} as t
        from generate_series(
          date_trunc(${unit}, ${from.toISOString()}::timestamptz at time zone ${BEIJING}),
          ${to.toISOString()}::timestamptz at time zone ${BEIJING} - interval '1 microsecond',
          ${step}) s`,
  )
  return rows.map((r) => r.t)
}

/** incidents.per10k: the area's population, or the city's (its own row, else all 12 districts). */
async function populationOf(db: Executor, query: TimeseriesQuery): Promise<number | null> {
  if (query.indicator !== 'incidents.per10k') return null
  const all = await populations(db)
  if (query.area !== undefined) return all.get(query.area) ?? null
  const city = all.get(CITY_CODE)
  if (city !== undefined) return city
  const districts = DISTRICTS.map((d) => all.get(d.code))
  return districts.every((p) => p !== undefined)
    ? districts.reduce<number>((s, p) => s + (p ?? 0), 0)
    : null
}
