import { HOTLINE_LINES, WALL_CALLS_WINDOW_MINUTES, type ListScope } from '@cityops/domain'
import type { z } from 'zod'
import type { WallCallKpis, WallIncidentKpis } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { departmentCondition } from '../layers/snapshots'

/** Active (not closed) incidents by grade, in the reader's department scope. */
export async function incidentKpis(
  tx: Executor,
  scope: ListScope,
): Promise<z.infer<typeof WallIncidentKpis>> {
  const rows = await queryRows<{ grade: string; n: number }>(
    tx,
    sql`select grade, count(*)::int as n from incidents
        where status <> 'closed' and ${departmentCondition(sql`departments`, scope)}
        group by grade`,
  )
  const n = (grade: string) => rows.find((r) => r.grade === grade)?.n ?? 0
  const activeByGrade = { I: n('I'), II: n('II'), III: n('III'), IV: n('IV') }
  return { activeByGrade, activeTotal: Object.values(activeByGrade).reduce((a, b) => a + b, 0) }
}

/** Calls per hotline in (now − 60 min, now]: incidents by their source line. */
export async function callKpis(
  tx: Executor,
  scope: ListScope,
  now: Date,
): Promise<z.infer<typeof WallCallKpis>> {
  const from = new Date(now.getTime() - WALL_CALLS_WINDOW_MINUTES * 60_000)
  const rows = await queryRows<{ source: string; n: number }>(
    tx,
    sql`select source, count(*)::int as n from incidents
        where source in (${sql.join(
          HOTLINE_LINES.map((l) => sql`${l}`),
          sql`, `,
        )})
          and reported_at > ${from.toISOString()}::timestamptz
          and reported_at <= ${now.toISOString()}::timestamptz
          and ${departmentCondition(sql`departments`, scope)}
        group by source`,
  )
  const n = (line: string) => rows.find((r) => r.source === line)?.n ?? 0
  const byLine = {
    '110': n('110'),
    '119': n('119'),
    '120': n('120'),
    '122': n('122'),
    '12345': n('12345'),
  }
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    byLine,
    total: Object.values(byLine).reduce((a, b) => a + b, 0),
  }
}
