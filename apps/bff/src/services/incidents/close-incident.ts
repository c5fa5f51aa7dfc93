import { CloseIncidentCommand, parseOrThrow, type Actor } from '@cityops/domain'
import type { z } from 'zod'
import type { Executor } from '../../db/client'
import { runIncidentAction } from './run-incident-action'

/**
 * 结束 through the incident workflow's `close` action: allowed from reported, confirmed and
 * resolved with every assignment finished; version + 1 only from `expectedVersion`, its audit
 * entry with the summary and one `incident.closed` event. `actor = null` is the simulator.
 */
export async function closeIncident(
  db: Executor,
  who: { actor: Actor | null; address: string | null },
  id: string,
  input: z.input<typeof CloseIncidentCommand>,
  now: Date,
) {
  const { expectedVersion, summary } = parseOrThrow(CloseIncidentCommand, input, 'close command')
  const done = await runIncidentAction(
    db,
    who,
    id,
    expectedVersion,
    { type: 'close', summary },
    now,
  )
  return { incident: done.incident, summary, seq: done.seq }
}
