import type { IncidentAssignment } from '../incident'
import type { AccessTarget } from './actor'
import type { Permission } from './permissions'

export const INCIDENT_ACTIONS = [
  'grade',
  'assign',
  'acknowledge',
  'enRoute',
  'onScene',
  'finish',
  'close',
] as const
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number]

// One permission per action, as for cases (case-actions.ts): operator and shift lead grade,
// assign and close; a department's handler moves its own department's assignment along.
export const INCIDENT_ACTION_PERMISSIONS = {
  grade: 'incident.grade',
  assign: 'incident.assign',
  acknowledge: 'incidentAssignment.progress',
  enRoute: 'incidentAssignment.progress',
  onScene: 'incidentAssignment.progress',
  finish: 'incidentAssignment.progress',
  close: 'incident.close',
} as const satisfies Record<IncidentAction, Permission>

/** An assignment belongs to its one department (handlers act only on their own). */
export function assignmentTarget(a: Pick<IncidentAssignment, 'departmentCode'>): AccessTarget {
  return { departmentCodes: [a.departmentCode] }
}
