import type { Alarm, ListAlarmsQuery } from '@cityops/domain'
import { desc, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { alarms } from '../../db/schema'
import { alarmView, selectAlarms } from './alarm-view'

/**
 * Newest first, with the log position they include (one repeatable-read transaction, as the
 * layer snapshots): load, then subscribe to `alerts` with `since = seq`.
 */
export async function listAlarms(
  db: Database,
  query: ListAlarmsQuery,
): Promise<{ seq: number; items: Alarm[] }> {
  return db.transaction(
    async (tx) => {
      const [counter] = await queryRows<{ last_seq: number | string }>(
        tx,
        sql`select last_seq from event_counter where id = 1`,
      )
      const rows = await selectAlarms(tx)
        .where(query.state === 'open' ? isNull(alarms.acknowledgedAt) : undefined)
        .orderBy(desc(alarms.raisedAt), desc(alarms.id))
        .limit(query.limit)
      return { seq: Number(counter?.last_seq ?? 0), items: rows.map(alarmView) }
    },
    { isolationLevel: 'repeatable read' },
  )
}
