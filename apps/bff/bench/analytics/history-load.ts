import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../src/db/client'
import { queryRows } from '../../src/db/query-rows'
import { CASE_CATEGORIES } from '../../src/simulator/models/case-categories'
import type { HistoryPlan } from './history-plan'
import { HOUR_WEIGHTS, INCIDENT_MIX, lookupTable, DISTRICT_WEIGHTS } from './history-shape'

// Set-based load of B4's history: a pool of random points inside the county-level divisions
// (ST_GeneratePoints, weighted by population), then INSERT … SELECT over generate_series in
// chunks into the real `incidents` and `city_cases`, so the app's triggers assign the areas
// and maintain the daily rollups exactly as they do for live data. Every "random" number is
// a hash of the row number and the seed: the same plan writes the same rows.

const CHUNK = 50_000
const POINTS = 50_000

export interface LoadSide {
  rows: number
  ms: number
  rowsPerSecond: number
}

export interface HistoryLoad {
  pointsMs: number
  incidents: LoadSide
  cases: LoadSide
  total: LoadSide
  analyzeMs: number
  /** Rows in the rollups the triggers filled. */
  rollupRows: { incidentsDaily: number; casesReportedDaily: number; casesDueDaily: number }
}

export async function loadHistory(
  db: Database,
  plan: HistoryPlan,
  now: Date,
  log: (message: string) => void,
): Promise<HistoryLoad> {
  let t0 = performance.now()
  await createPointPool(db, plan.seed)
  const pointsMs = performance.now() - t0
  log(`point pool: ${POINTS} points in ${Math.round(pointsMs)} ms`)
  const incidents = await inChunks(plan.incidents, 'incidents', log, (lo, hi) =>
    db.execute(insertIncidents(lo, hi, plan, now)),
  )
  const cases = await inChunks(plan.cases, 'cases', log, (lo, hi) =>
    db.execute(insertCases(lo, hi, plan, now)),
  )
  await db.execute(sql`drop table bench_b4_points`)
  t0 = performance.now()
  // autovacuum would get there on its own; the measurement should not depend on when
  await db.execute(sql`analyze`)
  const analyzeMs = performance.now() - t0
  const rows = plan.incidents + plan.cases
  const ms = incidents.ms + cases.ms
  return {
    pointsMs,
    incidents,
    cases,
    total: { rows, ms, rowsPerSecond: (rows * 1000) / ms },
    analyzeMs,
    rollupRows: await rollupRows(db),
  }
}

async function inChunks(
  rows: number,
  what: string,
  log: (message: string) => void,
  insert: (lo: number, hi: number) => Promise<unknown>,
): Promise<LoadSide> {
  const t0 = performance.now()
  for (let lo = 0; lo < rows; lo += CHUNK) {
    const hi = Math.min(rows, lo + CHUNK)
    await insert(lo, hi - 1)
    const s = (performance.now() - t0) / 1000
    log(`${what}: ${hi.toLocaleString('en')} / ${rows.toLocaleString('en')} (${s.toFixed(0)} s)`)
  }
  const ms = performance.now() - t0
  return { rows, ms, rowsPerSecond: (rows * 1000) / ms }
}

/** Points inside each district, as many as its weight says, numbered 0 … POINTS-1. */
async function createPointPool(db: Database, seed: number) {
  const total = DISTRICT_WEIGHTS.reduce((a, d) => a + d.weight, 0)
  const shares = sql.join(
    DISTRICT_WEIGHTS.map(
      (d) => sql`(${d.code}, ${Math.max(1, Math.round((POINTS * d.weight) / total))}::int)`,
    ),
    sql`, `,
  )
  await db.execute(sql`drop table if exists bench_b4_points`)
  await db.execute(sql`create unlogged table bench_b4_points as
    select (row_number() over (order by a.code, d.path) - 1)::int as i, a.code as district,
      d.geom::geometry(Point, 4326) as geom
    from (values ${shares}) s(code, n)
    join admin_areas a on a.code = s.code and a.level = 'district'
    cross join lateral st_dump(st_generatepoints(a.geom, s.n, ${seed}::int)) d`)
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from bench_b4_points`,
  )
  if (!row?.n) throw new Error('B4: no points generated: are the districts loaded?')
  await db.execute(sql`alter table bench_b4_points add primary key (i)`)
}

/** A uniform number in [0, 1) from row `g` and stream `k` (deterministic for a seed). */
const u = (seed: number, k: number) =>
  sql.raw(`((hashint8extended(g, ${seed * 1000 + k}) & 2147483647)::float8 / 2147483648.0)`)

const textArray = (values: readonly string[]) =>
  sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`)
const intArray = (values: readonly number[]) => sql.raw(`array[${values.join(',')}]::int[]`)
/** 1-based pick from a 1,000-entry lookup table. */
const pick = (table: SQL, r: SQL) => sql`(${table})[1 + floor(${r} * 1000)::int]`

/**
 * Report time: a day among the plan's last `days` (Beijing days), an hour from the diurnal
 * weights, a second within it; a time later than now today moves to the one day not
 * otherwise drawn (`days` ago), so (now − days, now] is covered evenly.
 */
function reportedAt(plan: HistoryPlan, now: Date): SQL {
  const hour = pick(intArray(lookupTable(HOUR_WEIGHTS.map((w, h) => [h, w]))), u(plan.seed, 2))
  const local = sql`date_trunc('day', ${now.toISOString()}::timestamptz at time zone 'Asia/Shanghai')
    - floor(${u(plan.seed, 1)} * ${plan.days})::int * interval '1 day'
    + ${hour} * interval '1 hour' + floor(${u(plan.seed, 3)} * 3600)::int * interval '1 second'`
  return sql`(select case when r > ${now.toISOString()}::timestamptz
      then r - ${plan.days} * interval '1 day' else r end
    from (select (${local}) at time zone 'Asia/Shanghai' as r) x)`
}

function insertIncidents(lo: number, hi: number, plan: HistoryPlan, now: Date): SQL {
  const s = plan.seed
  const nowTs = sql`${now.toISOString()}::timestamptz`
  const categories = textArray(lookupTable(INCIDENT_MIX.categories))
  const grades = textArray(lookupTable(INCIDENT_MIX.grades))
  return sql`insert into incidents
      (id, source, category, grade, status, title, location, reported_at, updated_at, version)
    select 'b4i-' || g, case category when 'fire' then '119' when 'medical' then '120'
        when 'trafficAccident' then '122' when 'publicSecurity' then '110'
        else (array['12345', 'sensor', 'manual'])[1 + floor(u5 * 3)::int] end,
      category, grade, status, category || ' (B4 history)', p.geom, t,
      case when status in ('closed', 'resolved')
        then least(t + (0.5 + u6 * 47) * interval '1 hour', ${nowTs}) else t end,
      case status when 'closed' then 5 when 'resolved' then 4 else 2 end
    from (
      select g, t, u5, u6, category, grade, p_i,
        case
          when age > interval '3 days' then case when u7 < 0.97 then 'closed' else 'resolved' end
          when age > interval '1 day' then case when u7 < 0.7 then 'closed'
            when u7 < 0.9 then 'resolved' else 'responding' end
          else (array['reported', 'confirmed', 'responding', 'responding', 'resolved',
            'closed'])[1 + floor(u7 * 6)::int]
        end as status
      from (
        select g, t, ${nowTs} - t as age, u5, u6, u7, category, grade, p_i from (
          select g::bigint as g, ${reportedAt(plan, now)} as t,
            ${u(s, 5)} as u5, ${u(s, 6)} as u6, ${u(s, 7)} as u7,
            ${pick(categories, u(s, 8))} as category, ${pick(grades, u(s, 9))} as grade,
            floor(${u(s, 10)} * ${POINTS})::int as p_i
          from generate_series(${lo}::bigint, ${hi}::bigint) g
        ) a
      ) b
    ) c
    join bench_b4_points p on p.i = c.p_i % (select count(*) from bench_b4_points)`
}

const CASE_LOOKUP = lookupTable(
  CASE_CATEGORIES.map((c) => [`${c.kind}:${c.code}`, c.weight] as const),
)

/**
 * Cases: 93 % filed (a 处置 deadline: urgent 4–7 h, normal 1–5 days), the rest 作废 / 不予立案
 * without one. A filed case closes after a share of its time limit drawn per row; districts
 * differ in how late they run, so 结案率 and 按期结案率 vary on the map. A close time still in
 * the future leaves the case open (派遣 / 处置反馈 / 核查); 1–4 % stay 挂账 (by district).
 */
function insertCases(lo: number, hi: number, plan: HistoryPlan, now: Date): SQL {
  const s = plan.seed
  const nowTs = sql`${now.toISOString()}::timestamptz`
  const keys = textArray(CASE_LOOKUP)
  const channels = textArray(
    lookupTable([
      ['inspector', 55],
      ['hotline', 25],
      ['wechat', 12],
      ['open311', 5],
      ['walkIn', 3],
    ]),
  )
  return sql`insert into city_cases
      (id, request_number, kind, category_code, status, description, urgency, location,
       district_code, channel, deadline, reported_at, updated_at, version, dispatch_count,
       rework_count, is_check_passed)
    select 'b4c-' || g, 'ZZB4-' || lpad(g::text, 8, '0'), split_part(key, ':', 1),
      split_part(key, ':', 2), status, 'B4 history ' || split_part(key, ':', 2),
      case when urgent then 'urgent' else 'normal' end, geom, district, channel, deadline, t,
      case when status = 'CLOSED' then closes
        else least(t + (${nowTs} - t) * 0.5, t + interval '6 hours') end,
      case when status = 'CLOSED' then 9 else 4 end,
      case when deadline is null then 0 else 1 end,
      case when status = 'CLOSED' and u9 < 0.05 then 1 else 0 end,
      status = 'CLOSED'
    from (
      select *, case
          when not filed then case when u5 < 0.55 then 'INVALID' else 'NOT_FILED' end
          when u6 < 0.01 + 0.01 * (ascii(right(district, 1)) % 4) then 'SUSPENDED'
          when closes <= ${nowTs} then 'CLOSED'
          else (array['DISPATCHED', 'DISPOSED', 'CHECKING'])[1 + floor(u7 * 3)::int]
        end as status
      from (
        select *, t + (deadline - t) * (0.15 + u8 * (0.85 + 0.08 * (ascii(right(district, 1)) % 5)))
            as closes
        from (
          select *, case when not filed then null
              when urgent then t + (4 + floor(u4 * 4)) * interval '1 hour'
              else t + (1 + floor(u4 * 5)) * interval '1 day' end as deadline
          from (
            select g::bigint as g, ${reportedAt(plan, now)} as t,
              ${pick(keys, u(s, 11))} as key, ${pick(channels, u(s, 12))} as channel,
              ${u(s, 13)} < 0.1 as urgent, ${u(s, 14)} < 0.93 as filed,
              ${u(s, 4)} as u4, ${u(s, 5)} as u5, ${u(s, 6)} as u6, ${u(s, 7)} as u7,
              ${u(s, 8)} as u8, ${u(s, 9)} as u9, p.geom, p.district
            from generate_series(${lo}::bigint, ${hi}::bigint) g
            join bench_b4_points p on p.i = floor(${u(s, 15)} * ${POINTS})::int
              % (select count(*) from bench_b4_points)
          ) a
        ) b
      ) c
    ) d`
}

async function rollupRows(db: Database) {
  const [row] = await queryRows<{ i: number; r: number; d: number }>(
    db,
    sql`select (select count(*) from analytics_incidents_daily)::int as i,
      (select count(*) from analytics_cases_reported_daily)::int as r,
      (select count(*) from analytics_cases_due_daily)::int as d`,
  )
  return {
    incidentsDaily: row?.i ?? 0,
    casesReportedDaily: row?.r ?? 0,
    casesDueDaily: row?.d ?? 0,
  }
}
