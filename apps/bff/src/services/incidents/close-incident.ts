import { assertClosable, CloseIncidentCommand, parseOrThrow, type Actor } from '@cityops/domain'
import type { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Executor } from '../../db/client'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { lockIncident, updateIncidentAtVersion } from './incident-state'

/**
 * 结束: one transaction sets the incident `closed` (allowed from reported, confirmed and
 * resolved: INCIDENT_STATUS_TRANSITIONS), version + 1 only from `expectedVersion`, writes its
 * audit entry with the summary and one `incident.closed` event.
 */
export async function closeIncident(
  db: Executor,
  who: { actor: Actor | null; address: string | null },
  id: string,
  input: z.input<typeof CloseIncidentCommand>,
  now: Date,
) {
  const command = parseOrThrow(CloseIncidentCommand, input, 'close command')
  return db.transaction(async (tx) => {
    const before = await lockIncident(tx, id)
    assertClosable(before, command)
    const after = await updateIncidentAtVersion(
      tx,
      before,
      command.expectedVersion,
      { status: 'closed' },
      now,
    )
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'incident.close',
        objectType: 'incident',
        objectId: id,
        outcome: 'success',
        before: { status: before.status, version: before.version },
        after: { status: after.status, version: after.version, summary: command.summary },
      },
      now,
    )
    const [event] = await appendEvents(
      tx,
      [
        {
          topic: 'incidents',
          type: 'incident.closed',
          entityId: id,
          version: after.version,
          data: { ...after, summary: command.summary },
          departments: after.departments,
          location: after.location,
        },
      ],
      now,
    )
    return { incident: after, summary: command.summary, seq: event?.seq ?? null }
  })
}
