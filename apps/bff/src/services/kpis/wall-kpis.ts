import { listScope, type Actor, type WallKpis } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { airKpis, type GoodDaysCache } from './air-kpis'
import { caseKpis } from './case-kpis'
import { callKpis, incidentKpis } from './incident-kpis'
import { trafficKpis } from './traffic-kpis'

/**
 * The wall's KPI strip, read in one repeatable-read transaction together with the event
 * counter (as the layer snapshots): the figures include exactly the events up to `seq`.
 * Incidents and calls follow incident.read's scope, cases case.read's; traffic and air need
 * thematic.view — a section the caller may not see is null.
 */
export async function readWallKpis(
  db: Database,
  actor: Actor,
  now: Date,
  cache: GoodDaysCache,
): Promise<WallKpis> {
  const incidentScope = listScope(actor, 'incident.read')
  const caseScope = listScope(actor, 'case.read')
  const isThematic = listScope(actor, 'thematic.view').kind !== 'none'
  return db.transaction(
    async (tx) => {
      const [counter] = await queryRows<{ last_seq: number | string }>(
        tx,
        sql`select last_seq from event_counter where id = 1`,
      )
      return {
        seq: Number(counter?.last_seq ?? 0),
        at: now.toISOString(),
        scope:
          incidentScope.kind === 'departments'
            ? { kind: 'departments', codes: incidentScope.codes }
            : { kind: 'all' },
        incidents: await incidentKpis(tx, incidentScope),
        calls: await callKpis(tx, incidentScope, now),
        traffic: isThematic ? await trafficKpis(tx) : null,
        air: isThematic ? await airKpis(tx, now, cache) : null,
        cases: caseScope.kind === 'none' ? null : await caseKpis(tx, caseScope, now),
      }
    },
    { isolationLevel: 'repeatable read' },
  )
}
