import {
  assertRegradable,
  isMoreSevereGrade,
  parseOrThrow,
  RegradeIncidentCommand,
  type Actor,
} from '@cityops/domain'
import type { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Executor } from '../../db/client'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { raiseIncidentAlarm } from '../alarms/raise-incident-alarm'
import { lockIncident, updateIncidentAtVersion } from './incident-state'

/**
 * 定级调整 (DOMAIN.md §2.5: grades Ⅰ–Ⅳ of 国家突发公共事件总体应急预案): one transaction writes
 * the new grade (version + 1, only from `expectedVersion`), its audit entry and one
 * `incident.regraded` event carrying the whole incident, the previous grade and the reason;
 * an escalation into Ⅰ/Ⅱ also raises the wall's alarm (`alarm.raised` on topic alerts).
 */
export async function regradeIncident(
  db: Executor,
  who: { actor: Actor | null; address: string | null },
  id: string,
  input: z.input<typeof RegradeIncidentCommand>,
  now: Date,
) {
  const command = parseOrThrow(RegradeIncidentCommand, input, 'regrade command')
  return db.transaction(async (tx) => {
    const before = await lockIncident(tx, id)
    assertRegradable(before, command)
    const after = await updateIncidentAtVersion(
      tx,
      before,
      command.expectedVersion,
      { grade: command.grade },
      now,
    )
    const change = {
      previousGrade: before.grade,
      gradeReason: command.reason,
      isEscalation: isMoreSevereGrade(command.grade, before.grade),
    }
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'incident.regrade',
        objectType: 'incident',
        objectId: id,
        outcome: 'success',
        before: { grade: before.grade, version: before.version },
        after: { grade: after.grade, version: after.version, reason: command.reason },
      },
      now,
    )
    const [event] = await appendEvents(
      tx,
      [
        {
          topic: 'incidents',
          type: 'incident.regraded',
          entityId: id,
          version: after.version,
          data: { ...after, ...change },
          departments: after.departments,
          location: after.location,
        },
      ],
      now,
    )
    // an escalation into Ⅰ/Ⅱ raises the wall's alarm in this transaction
    const alarm = await raiseIncidentAlarm(tx, after, before.grade, now)
    return { incident: after, ...change, seq: event?.seq ?? null, alarm }
  })
}
