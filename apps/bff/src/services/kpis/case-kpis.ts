import {
  CASE_STATES,
  closureRate,
  isTerminalCaseState,
  onTimeClosureRate,
  type ListScope,
  type WallCaseKpis,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { caseScopeCondition } from '../cases/list-cases'
import { beijingDay } from './kpi-time'

const TERMINAL = sql.join(
  CASE_STATES.filter(isTerminalCaseState).map((s) => sql`${s}`),
  sql`, `,
)

/**
 * Open and overdue cases, and today's 结案率 / 按期结案率 (GB/T 30428.4 practice, DOMAIN.md
 * §2.1: 结案 / 应结案 and 按期结案 / 应结案). 应结案 today = cases whose 处置 deadline falls
 * on today's Beijing date; a CLOSED case's close time is its last update (closing is
 * terminal). Null rates when nothing is due — never a made-up 0 % or 100 %.
 */
export async function caseKpis(
  tx: Executor,
  scope: ListScope,
  now: Date,
): Promise<z.infer<typeof WallCaseKpis>> {
  const { start, end } = beijingDay(now)
  const due = sql`deadline >= ${start.toISOString()}::timestamptz
    and deadline < ${end.toISOString()}::timestamptz`
  const [row] = await queryRows<{
    open: number
    overdue: number
    due: number
    closed: number
    on_time: number
  }>(
    tx,
    sql`select
          count(*) filter (where status not in (${TERMINAL}))::int as open,
          count(*) filter (where status not in (${TERMINAL})
            and deadline < ${now.toISOString()}::timestamptz)::int as overdue,
          count(*) filter (where ${due})::int as due,
          count(*) filter (where ${due} and status = 'CLOSED')::int as closed,
          count(*) filter (where ${due} and status = 'CLOSED' and updated_at <= deadline)::int
            as on_time
        from city_cases where ${caseScopeCondition(scope) ?? sql`true`}`,
  )
  const counts = {
    open: row?.open ?? 0,
    overdue: row?.overdue ?? 0,
    dueToday: row?.due ?? 0,
    closedToday: row?.closed ?? 0,
    closedOnTimeToday: row?.on_time ?? 0,
  }
  return {
    ...counts,
    closureRate: closureRate({ closed: counts.closedToday, due: counts.dueToday }),
    onTimeClosureRate: onTimeClosureRate({
      closedOnTime: counts.closedOnTimeToday,
      due: counts.dueToday,
    }),
  }
}
