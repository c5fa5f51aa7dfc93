import type { Actor, IncidentActionResult, IncidentCommandType } from '@cityops/domain'
import { eq } from 'drizzle-orm'
import { appendAudit } from '../../audit/append-audit'
import type { Executor } from '../../db/client'
import { incidentAssignments } from '../../db/schema'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { raiseIncidentAlarm } from '../alarms/raise-incident-alarm'
import {
  assignmentColumns,
  incidentDetail,
  readUnitCallSigns,
  type IncidentRecord,
} from './incident-record'
import { updateIncidentAtVersion } from './incident-state'

export type IncidentWho = { actor: Actor | null; address: string | null }

// `entity.verb` in the past tense (live-event.ts); grade and close keep their earlier names.
export const INCIDENT_EVENT_TYPES = {
  grade: 'incident.regraded',
  assign: 'incident.assigned',
  acknowledge: 'incident.assignmentAcknowledged',
  enRoute: 'incident.assignmentDeparted',
  onScene: 'incident.assignmentArrived',
  finish: 'incident.assignmentFinished',
  close: 'incident.closed',
} as const satisfies Record<IncidentCommandType, string>

const AUDIT_ACTIONS = {
  grade: 'incident.regrade',
  assign: 'incident.assign',
  acknowledge: 'incident.acknowledge',
  enRoute: 'incident.enRoute',
  onScene: 'incident.onScene',
  finish: 'incident.finish',
  close: 'incident.close',
} as const satisfies Record<IncidentCommandType, string>

/**
 * Writes one applied incident action inside the caller's transaction: the conditional UPDATE
 * (version + 1), the assignment row, one audit entry, one `incident.*` event with the whole
 * incident and its assignments, and for an escalation into Ⅰ/Ⅱ the wall's alarm.
 */
export async function writeIncidentAction(
  tx: Executor,
  who: IncidentWho,
  before: IncidentRecord,
  result: IncidentActionResult,
  now: Date,
) {
  const { next, assignment, action, facts } = result
  const state = await updateIncidentAtVersion(
    tx,
    before.state,
    before.state.version,
    { grade: next.grade, status: next.status, departments: [...next.departments] },
    now,
  )
  if (assignment && action === 'assign') {
    await tx.insert(incidentAssignments).values(assignmentColumns(assignment))
  } else if (assignment) {
    await tx
      .update(incidentAssignments)
      .set(assignmentColumns(assignment))
      .where(eq(incidentAssignments.id, assignment.id))
  }
  const after: IncidentRecord = {
    state,
    assignments: [...next.assignments],
    callSigns: await readUnitCallSigns(tx, next.assignments),
  }
  const auditFacts = action === 'grade' ? { ...facts, reason: facts.gradeReason } : facts
  await appendAudit(
    tx,
    {
      ...actorAudit(who.actor, who.address),
      action: AUDIT_ACTIONS[action],
      objectType: 'incident',
      objectId: state.id,
      outcome: 'success',
      before: {
        status: before.state.status,
        grade: before.state.grade,
        version: before.state.version,
      },
      after: {
        status: state.status,
        grade: state.grade,
        version: state.version,
        ...auditFacts,
        summaryText: result.summary,
      },
    },
    now,
  )
  const [event] = await appendEvents(
    tx,
    [
      {
        topic: 'incidents',
        type: INCIDENT_EVENT_TYPES[action],
        entityId: state.id,
        version: state.version,
        data: { ...state, assignments: after.assignments, ...facts },
        departments: state.departments,
        location: state.location,
      },
    ],
    now,
  )
  const alarm =
    action === 'grade' ? await raiseIncidentAlarm(tx, state, before.state.grade, now) : null
  return { ...incidentDetail(after, who.actor), facts, seq: event?.seq ?? null, alarm }
}
