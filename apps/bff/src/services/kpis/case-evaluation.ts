import {
  averageHandlingHours,
  closureRate,
  IsoDateTime,
  onTimeClosureRate,
  returnRate,
  reworkRate,
  type ListScope,
} from '@cityops/domain'
import { sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { HttpError } from '../../http/http-error'
import { caseScopeCondition } from '../cases/list-cases'
import { beijingIso } from '../cases/case-time'

export const CASE_KPI_GROUPS = ['department', 'district', 'street'] as const
export type CaseKpiGroup = (typeof CASE_KPI_GROUPS)[number]

export const CaseKpiQuery = z.object({
  groupBy: z.enum(CASE_KPI_GROUPS).default('department'),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
})

const DAY_MS = 86_400_000
const MAX_DAYS = 366

interface Counts {
  due: number
  closed: number
  closedOnTime: number
  reworked: number
  dispatched: number
  returned: number
  handlingHours: number
  handled: number
}

// Key and name per group. A case's street is the 街道 polygon containing it (102 of 208
// townships have one: the others' cases fall under code null).
const GROUPS: Record<CaseKpiGroup, { key: SQL; name: SQL }> = {
  department: {
    key: sql`c.responsible_department`,
    name: sql`(select name from departments where code = r.code)`,
  },
  district: {
    key: sql`c.district_code`,
    name: sql`(select name from admin_areas where code = r.code)`,
  },
  street: {
    key: sql`(select t.code from townships t where t.geom is not null
              and ST_Contains(t.geom, c.location) order by t.code limit 1)`,
    name: sql`(select name from townships where code = r.code)`,
  },
}

/**
 * 综合评价 from the case history (case_actions), never from stored counters (DOMAIN.md §2.1).
 * Per group over [from, to):
 * - 应结案 due: filed cases whose 处置 deadline falls in the window;
 * - 结案 closed: of those, closed before `to`; 按期结案 closedOnTime: closed, and the 处置反馈
 *   that closed it (the last) came by the deadline (rule 2: 处置 overdue is what counts);
 * - 返工 reworked: due cases with at least one failed 核查;
 * - 派遣 dispatched: dispatches in the window; 回退 returned: of those, the ones the department
 *   handed back with an approved 回退 (the returning department is charged);
 * - handling: last 派遣 → last 处置反馈 of the closed cases, natural hours.
 * Departments are the case's responsible department (the one that closed it, or holds it).
 */
export async function caseEvaluation(
  db: Executor,
  scope: ListScope,
  query: z.output<typeof CaseKpiQuery>,
  now: Date,
  /** Only these departments' cases (their 应结案 figures stay exact; 回退 they made do not). */
  options: { departments?: readonly string[] } = {},
) {
  const to = query.to ? new Date(query.to) : now
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS)
  if (!(from < to) || to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
    throw new HttpError(
      422,
      `时间窗口须 from < to 且不超过 ${MAX_DAYS} 天 / The window needs from < to and at most ${MAX_DAYS} days.`,
    )
  }
  const group = GROUPS[query.groupBy]
  // a handler's department figures: by department its own rows, otherwise its own cases
  const caseScope =
    query.groupBy === 'department' ? onlyOf(options.departments) : caseScopeCondition(scope)
  const rows = await queryRows<
    Record<keyof Counts, number | string | null> & { code: string | null; name: string | null }
  >(
    db,
    sql`with cs as (
          select c.id, c.deadline, ${group.key} as code
          from city_cases c where ${caseScope ?? sql`true`}
        ),
        h as (
          select a.case_id,
            max(a.at) filter (where a.action = 'close') as closed_at,
            max(a.at) filter (where a.action = 'dispose') as disposed_at,
            max(a.at) filter (where a.action = 'dispatch') as dispatched_at,
            bool_or(a.action = 'checkFail') as is_reworked
          from case_actions a join cs on cs.id = a.case_id
          where cs.deadline >= ${from.toISOString()}::timestamptz and cs.deadline < ${to.toISOString()}::timestamptz
          group by a.case_id
        ),
        due as (
          select cs.code,
            count(*) as due,
            count(*) filter (where h.closed_at < ${to.toISOString()}::timestamptz) as closed,
            count(*) filter (where h.closed_at < ${to.toISOString()}::timestamptz
              and h.disposed_at <= cs.deadline) as closed_on_time,
            count(*) filter (where h.is_reworked) as reworked,
            coalesce(sum(extract(epoch from h.disposed_at - h.dispatched_at) / 3600)
              filter (where h.closed_at < ${to.toISOString()}::timestamptz and h.dispatched_at is not null), 0)
              as handling_hours,
            count(*) filter (where h.closed_at < ${to.toISOString()}::timestamptz
              and h.dispatched_at is not null) as handled
          from cs left join h on h.case_id = cs.id
          where cs.deadline >= ${from.toISOString()}::timestamptz and cs.deadline < ${to.toISOString()}::timestamptz
          group by cs.code
        ),
        moves as (
          select ${query.groupBy === 'department' ? sql`d.department_after` : sql`cs.code`} as code,
            count(*) as dispatched,
            count(*) filter (where exists (
              select 1 from case_actions r where r.case_id = d.case_id and r.action = 'approveReturn'
                and r.version > d.version and not exists (
                  select 1 from case_actions d2 where d2.case_id = d.case_id and d2.action = 'dispatch'
                    and d2.version > d.version and d2.version < r.version))) as returned
          from case_actions d join cs on cs.id = d.case_id
          where d.action = 'dispatch'
            and d.at >= ${from.toISOString()}::timestamptz and d.at < ${to.toISOString()}::timestamptz
          group by 1
        ),
        r as (
          select code,
            sum(due) as due, sum(closed) as closed, sum(closed_on_time) as "closedOnTime",
            sum(reworked) as reworked, sum(dispatched) as dispatched, sum(returned) as returned,
            sum(handling_hours) as "handlingHours", sum(handled) as handled
          from (
            select code, due, closed, closed_on_time, reworked, 0 as dispatched, 0 as returned,
              handling_hours, handled from due
            union all
            select code, 0, 0, 0, 0, dispatched, returned, 0, 0 from moves
          ) u
          group by code
        )
        select r.*, ${group.name} as name from r order by r.code nulls last`,
  )
  const visible =
    query.groupBy === 'department' && scope.kind !== 'all'
      ? rows.filter(
          (r) => scope.kind === 'departments' && r.code !== null && scope.codes.includes(r.code),
        )
      : rows
  const counted = visible.map((r) => ({ code: r.code, name: r.name, counts: countsOf(r) }))
  return {
    groupBy: query.groupBy,
    from: beijingIso(from),
    to: beijingIso(to),
    rows: counted.map((r) => ({
      code: r.code,
      name: r.name ?? unnamed(query.groupBy),
      ...kpiOf(r.counts),
    })),
    total: kpiOf(sumCounts(counted.map((r) => r.counts))),
  }
}

const onlyOf = (codes: readonly string[] | undefined) =>
  codes === undefined
    ? undefined
    : codes.length === 0
      ? sql`false`
      : sql`c.responsible_department in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})`

const unnamed = (g: CaseKpiGroup) =>
  g === 'department'
    ? '未派遣 / Not dispatched'
    : g === 'street'
      ? '未定位街道 / No street'
      : '未知 / Unknown'

function countsOf(r: Record<keyof Counts, number | string | null>): Counts {
  const n = (v: number | string | null) => Number(v ?? 0)
  return {
    due: n(r.due),
    closed: n(r.closed),
    closedOnTime: n(r.closedOnTime),
    reworked: n(r.reworked),
    dispatched: n(r.dispatched),
    returned: n(r.returned),
    handlingHours: n(r.handlingHours),
    handled: n(r.handled),
  }
}

const COUNT_KEYS = [
  'due',
  'closed',
  'closedOnTime',
  'reworked',
  'dispatched',
  'returned',
  'handlingHours',
  'handled',
] as const satisfies readonly (keyof Counts)[]

function sumCounts(list: readonly Counts[]): Counts {
  const total: Counts = {
    due: 0,
    closed: 0,
    closedOnTime: 0,
    reworked: 0,
    dispatched: 0,
    returned: 0,
    handlingHours: 0,
    handled: 0,
  }
  for (const c of list) for (const k of COUNT_KEYS) total[k] += c[k]
  return total
}

/** The row's counts and rates (domain formulas, packages/domain/src/case-kpi). */
function kpiOf(c: Counts) {
  return {
    due: c.due,
    closed: c.closed,
    closedOnTime: c.closedOnTime,
    reworked: c.reworked,
    returned: c.returned,
    dispatched: c.dispatched,
    closureRate: closureRate({ closed: c.closed, due: c.due }),
    onTimeRate: onTimeClosureRate({ closedOnTime: c.closedOnTime, due: c.due }),
    reworkRate: reworkRate({ reworked: c.reworked, due: c.due }),
    returnRate: returnRate({ returned: c.returned, dispatched: c.dispatched }),
    avgHandlingHours: averageHandlingHours({ totalHours: c.handlingHours, cases: c.handled }),
  }
}
