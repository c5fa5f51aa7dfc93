import { can } from '../access'
import type { AccessTarget, Actor } from '../access'
import { INCIDENT_ACTION_PERMISSIONS } from '../access'
import { DomainError } from '../errors'
import type { IncidentAssignment } from './incident-assignment'
import type { IncidentCommand, IncidentCommandType } from './incident-commands'
import type { IncidentGrade } from './incident-grade'
import type { IncidentStatus } from './incident'

/** What the incident workflow reads and writes: one aggregate, one version. */
export interface WorkflowIncident {
  id: string
  status: IncidentStatus
  grade: IncidentGrade
  version: number
  /** The involved departments (incidentTarget): every assigned department joins. */
  departments: readonly string[]
  assignments: readonly IncidentAssignment[]
}

export interface IncidentActionContext {
  /** ISO time of the action. */
  now: string
  /** The id a new assignment gets (ids are parameters in the domain). */
  newAssignmentId: string
}

export interface IncidentActionResult {
  action: IncidentCommandType
  command: IncidentCommand
  next: WorkflowIncident
  /** The assignment created or moved, when the action concerns one. */
  assignment: IncidentAssignment | null
  /** Action-specific facts for the audit entry and the event (grade change, summary, note). */
  facts: Record<string, unknown>
  summary: { zh: string; en: string }
}

export const actorMay = (actor: Actor, type: IncidentCommandType, target: AccessTarget) =>
  can(actor, INCIDENT_ACTION_PERMISSIONS[type], target)

export function forbidden(incident: WorkflowIncident, type: IncidentCommandType, actor: Actor) {
  const who = actor.kind === 'user' ? actor.role : 'apiKey'
  return new DomainError(
    'FORBIDDEN',
    `无权对事件 ${incident.id} 执行 ${type} / ${who} may not ${type} incident ${incident.id}`,
    { action: type },
  )
}

export const bumped = (
  incident: WorkflowIncident,
  changes: Partial<WorkflowIncident>,
): WorkflowIncident => ({
  ...incident,
  ...changes,
  version: incident.version + 1,
})
