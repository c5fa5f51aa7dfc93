import { sql } from 'drizzle-orm'
import {
  check,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'

// Daily rollups for the thematic map (issue #7). Each row sums the facts of one Beijing local
// day (`(ts at time zone 'Asia/Shanghai')::date`) and one key; statement-level triggers with
// transition tables keep them current as rows arrive, change or go (the custom
// migration analytics_triggers). A query answers the whole days of its window from here and the
// partial edge days from the raw rows, so any [from, to) is exact.
//
// Area columns are '' (not null) when the fact lies outside every area: they are part of the
// primary key. Rows whose counts fall back to 0 are kept (they add nothing to a sum).
// `last_at` is the newest fact time summed into the row (for "数据截至"); deletions do not
// lower it.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const day = () => date('day', { mode: 'string' }).notNull()
const area = (name: string) => text(name).notNull().default('')
/** The key every incident and case rollup starts with: the Beijing day and the fact's areas. */
const dayAndArea = () => ({
  day: day(),
  areaDistrict: area('area_district'),
  areaTownship: area('area_township'),
})
/** What became of the cases due on a day (the closure, on-time and rework rates' counts). */
const caseDueCounts = () => ({
  due: integer('due').notNull().default(0),
  closed: integer('closed').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  reworked: integer('reworked').notNull().default(0),
})

/** Incidents by report day, area, category and grade. */
export const analyticsIncidentsDaily = pgTable(
  'analytics_incidents_daily',
  {
    ...dayAndArea(),
    category: text('category').notNull(),
    grade: text('grade').notNull(),
    n: integer('n').notNull().default(0),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.areaDistrict, t.areaTownship, t.category, t.grade] })],
)

/** 数字城管 cases by report day (cases.count). */
export const analyticsCasesReportedDaily = pgTable(
  'analytics_cases_reported_daily',
  {
    ...dayAndArea(),
    categoryCode: text('category_code').notNull(),
    kind: text('kind').notNull(),
    n: integer('n').notNull().default(0),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.areaDistrict, t.areaTownship, t.categoryCode, t.kind] })],
)

/**
 * Cases by the day their 处置 deadline falls on (应结案, the rates' denominator): due, closed
 * (status CLOSED), on time (CLOSED and updated_at <= deadline, as services/kpis/case-kpis.ts)
 * and reworked (rework_count > 0). `last_at` is the newest updated_at summed in.
 */
export const analyticsCasesDueDaily = pgTable(
  'analytics_cases_due_daily',
  {
    ...dayAndArea(),
    categoryCode: text('category_code').notNull(),
    kind: text('kind').notNull(),
    ...caseDueCounts(),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.areaDistrict, t.areaTownship, t.categoryCode, t.kind] })],
)

// Coarse rollups keyed only by day and area (issue #7, B4): a map or trend without a category,
// grade or kind filter sums ~20 rows a day here instead of the ~700 fine rows above, which are
// nearly as many as the facts. A township implies its district, so one table serves both levels.
// The same statement-level trigger functions keep them (migration analytics_area_rollups).

/** Incidents by report day and area. */
export const analyticsIncidentsAreaDaily = pgTable(
  'analytics_incidents_area_daily',
  {
    ...dayAndArea(),
    n: integer('n').notNull().default(0),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.areaDistrict, t.areaTownship] })],
)

/** Cases by report day and area (cases.count without a category filter). */
export const analyticsCasesReportedAreaDaily = pgTable(
  'analytics_cases_reported_area_daily',
  {
    ...dayAndArea(),
    n: integer('n').notNull().default(0),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.areaDistrict, t.areaTownship] })],
)

/** Cases by deadline day and area: the sums of analytics_cases_due_daily over category and kind. */
export const analyticsCasesDueAreaDaily = pgTable(
  'analytics_cases_due_area_daily',
  {
    ...dayAndArea(),
    ...caseDueCounts(),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.areaDistrict, t.areaTownship] })],
)

/** Hourly station readings by day: AQI and PM2.5 sums and counts (means are sum ÷ count). */
export const analyticsEnvDaily = pgTable(
  'analytics_env_daily',
  {
    day: day(),
    stationCode: text('station_code').notNull(),
    aqiSum: doublePrecision('aqi_sum').notNull().default(0),
    aqiN: integer('aqi_n').notNull().default(0),
    pm25Sum: doublePrecision('pm25_sum').notNull().default(0),
    pm25N: integer('pm25_n').notNull().default(0),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.stationCode] })],
)

/**
 * Traffic readings by day and segment. `congested_n` counts every reading at congestion level
 * ≥ 3; `congested_hours` counts only those taken on the hour (hh:00:00), each standing for one
 * segment-hour: the simulator writes a reading per minute live and one per hour when it fills
 * history, and both include the hh:00 reading, so the hour count does not depend on cadence.
 */
export const analyticsTrafficDaily = pgTable(
  'analytics_traffic_daily',
  {
    day: day(),
    segmentId: text('segment_id').notNull(),
    speedSum: doublePrecision('speed_sum').notNull().default(0),
    speedN: integer('speed_n').notNull().default(0),
    congestedN: integer('congested_n').notNull().default(0),
    congestedHours: integer('congested_hours').notNull().default(0),
    lastAt: at('last_at'),
  },
  (t) => [primaryKey({ columns: [t.day, t.segmentId] })],
)

/**
 * Resident population per area (district or township code) for incidents.per10k, imported
 * with `npm run import:population`. None is shipped: no verified source is at hand.
 */
export const areaPopulation = pgTable(
  'area_population',
  {
    code: text('code').primaryKey(),
    population: integer('population').notNull(),
    year: integer('year').notNull(),
    source: text('source').notNull(),
  },
  (t) => [check('area_population_positive', sql`${t.population} > 0`)],
)
