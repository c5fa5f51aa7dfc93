import { assignmentTarget } from '../access'
import type { Actor } from '../access'
import { DomainError } from '../errors'
import { isAssignmentOpen } from './incident-assignment'
import type { AssignmentStatus, IncidentAssignment } from './incident-assignment'
import type { AssignmentCommandType, IncidentCommand } from './incident-commands'
import { actorMay, bumped, forbidden } from './workflow-incident'
import type {
  IncidentActionContext,
  IncidentActionResult,
  WorkflowIncident,
} from './workflow-incident'

/** The assignment status each assignment action starts from and moves to. */
export const ASSIGNMENT_STEPS = {
  acknowledge: { from: 'notified', to: 'acknowledged', at: 'acknowledgedAt' },
  enRoute: { from: 'acknowledged', to: 'enRoute', at: 'enRouteAt' },
  onScene: { from: 'enRoute', to: 'onScene', at: 'onSceneAt' },
  finish: { from: 'onScene', to: 'finished', at: 'finishedAt' },
} as const satisfies Record<
  AssignmentCommandType,
  { from: AssignmentStatus; to: AssignmentStatus; at: keyof IncidentAssignment }
>

export function stepAssignment(
  incident: WorkflowIncident,
  command: Extract<IncidentCommand, { assignmentId: string }>,
  actor: Actor | null,
  { now }: IncidentActionContext,
): IncidentActionResult | DomainError {
  const type = command.type
  const current = incident.assignments.find((a) => a.id === command.assignmentId)
  if (!current) {
    return new DomainError(
      'VALIDATION',
      `事件 ${incident.id} 没有调派 ${command.assignmentId} / Incident ${incident.id} has no assignment ${command.assignmentId}.`,
      [{ path: ['assignmentId'], message: '没有这个调派 / No such assignment' }],
    )
  }
  if (actor && !actorMay(actor, type, assignmentTarget(current))) {
    return forbidden(incident, type, actor)
  }
  const step = ASSIGNMENT_STEPS[type]
  if (current.status !== step.from) {
    return new DomainError(
      'CONFLICT',
      `调派 ${current.id}（${current.departmentCode}）当前为 ${current.status}，不能执行 ${type} / Assignment ${current.id} (${current.departmentCode}) is ${current.status}; ${type} is not allowed now.`,
      { status: incident.status, assignmentStatus: current.status, action: type },
    )
  }
  const note = command.type === 'finish' ? (command.note ?? null) : current.note
  const moved: IncidentAssignment = { ...current, status: step.to, [step.at]: now, note }
  const assignments = incident.assignments.map((a) => (a.id === moved.id ? moved : a))
  const isAllFinished = assignments.every((a) => !isAssignmentOpen(a))
  return {
    action: type,
    command,
    next: bumped(incident, { assignments, status: isAllFinished ? 'resolved' : incident.status }),
    assignment: moved,
    facts: {
      assignmentId: moved.id,
      departmentCode: moved.departmentCode,
      from: current.status,
      to: moved.status,
      ...(note && type === 'finish' ? { note } : {}),
    },
    summary: {
      zh: `${moved.departmentCode}：${current.status} → ${moved.status}`,
      en: `${moved.departmentCode}: ${current.status} → ${moved.status}`,
    },
  }
}
