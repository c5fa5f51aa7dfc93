import {
  CLOCK_STATES,
  ON_TIME_WINDOW_DAYS,
  slaStatus,
  timeLimitFor,
  type CaseKind,
  type CaseSlaConfig,
  type CaseState,
  type SlaStatus,
  type SupervisionLevel,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { calendarFor } from '../case-workflow/case-sla'
import { beijingIso, beijingIsoOrNull } from './case-time'

/** What the queue and the detail add to a case: its clock, 督办 and counters. */
export interface CaseQueueFields {
  sla: SlaStatus | null
  supervision: { level: SupervisionLevel; note: string | null; at: string | null } | null
  reworkCount: number
  returnCount: number
}

export interface QueueRow {
  id: string
  kind: CaseKind
  categoryCode: string
  status: CaseState
  deadline: Date | null
  suspendedAt: Date | null
  responsibleDepartment: string | null
  reworkCount: number
  returnCount: number
  supervisionLevel: SupervisionLevel | null
}

const DAY_MS = 86_400_000
const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )

/**
 * Median natural minutes from the last 派遣 to 处置反馈 per department over the last 30 days
 * (one query for all departments asked about).
 */
export async function medianHandlingMinutes(
  db: Executor,
  departments: readonly string[],
  now: Date,
): Promise<Map<string, number>> {
  if (departments.length === 0) return new Map()
  const since = new Date(now.getTime() - ON_TIME_WINDOW_DAYS * DAY_MS)
  const [from, to] = [since.toISOString(), now.toISOString()]
  // one pass over the histories of the cases disposed in the window: each 处置反馈 against the
  // latest 派遣 before it (a running max over the case's actions in version order)
  const rows = await queryRows<{ department: string; median: number | string }>(
    db,
    sql`select department, percentile_cont(0.5) within group (order by minutes) as median
        from (
          select a.action, a.at, a.department_before as department,
            extract(epoch from a.at - max(a.at) filter (where a.action = 'dispatch')
              over (partition by a.case_id order by a.version)) / 60 as minutes
          from case_actions a
          where a.case_id in (select case_id from case_actions
                              where action = 'dispose' and at >= ${from}::timestamptz
                                and at <= ${to}::timestamptz)
        ) x
        where action = 'dispose' and at >= ${from}::timestamptz and at <= ${to}::timestamptz
          and minutes is not null and department in (${inList(departments)})
        group by department`,
  )
  return new Map(rows.map((r) => [r.department, Number(r.median)]))
}

/** The last 督办 note and time per case (one query for the page). */
async function supervisionNotes(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { note: string | null; at: Date }>()
  const rows = await queryRows<{ case_id: string; note: string | null; at: Date | string }>(
    db,
    sql`select distinct on (case_id) case_id, detail->>'note' as note, at
        from case_actions where action = 'supervise' and case_id in (${inList(ids)})
        order by case_id, version desc`,
  )
  return new Map(rows.map((r) => [r.case_id, { note: r.note, at: new Date(r.at) }]))
}

/** Each row of a page with its queue fields: two queries, whatever the page size. */
export async function withQueueFields<R extends QueueRow>(
  db: Executor,
  rows: readonly R[],
  sla: CaseSlaConfig,
  now: Date,
): Promise<{ row: R; extra: CaseQueueFields }[]> {
  const clocked = rows.filter(
    (r) => r.deadline && (CLOCK_STATES as readonly string[]).includes(r.status),
  )
  const departments = [
    ...new Set(clocked.map((r) => r.responsibleDepartment).filter((d): d is string => d !== null)),
  ]
  const medians = await medianHandlingMinutes(db, departments, now)
  const supervised = rows.filter((r) => r.supervisionLevel !== null).map((r) => r.id)
  const notes = await supervisionNotes(db, supervised)
  const calendar = calendarFor(sla)
  const nowIso = beijingIso(now)
  return rows.map((r) => {
    const note = notes.get(r.id)
    const extra: CaseQueueFields = {
      sla: slaStatus(
        {
          status: r.status,
          deadline: beijingIsoOrNull(r.deadline),
          suspendedAt: beijingIsoOrNull(r.suspendedAt),
          limit: timeLimitFor(sla, r.kind, r.categoryCode),
          isPausedWhileSuspended: sla.policy.isPausedWhileSuspended,
          now: nowIso,
          medianHandlingMinutes: r.responsibleDepartment
            ? (medians.get(r.responsibleDepartment) ?? null)
            : null,
        },
        calendar,
      ),
      supervision: r.supervisionLevel
        ? {
            level: r.supervisionLevel,
            note: note?.note ?? null,
            at: beijingIsoOrNull(note?.at ?? null),
          }
        : null,
      reworkCount: r.reworkCount,
      returnCount: r.returnCount,
    }
    return { row: r, extra }
  })
}
