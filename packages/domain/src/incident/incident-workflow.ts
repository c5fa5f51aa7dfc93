import { assignmentTarget, incidentTarget } from '../access'
import type { Actor } from '../access'
import { DomainError } from '../errors'
import { isAssignmentOpen } from './incident-assignment'
import type { IncidentAssignment } from './incident-assignment'
import {
  INCIDENT_COMMAND_TYPES,
  IncidentCommand,
  isAssignmentCommandType,
} from './incident-commands'
import type { AssignmentCommandType, IncidentCommandType } from './incident-commands'
import { INCIDENT_GRADE_STYLES, isMoreSevereGrade } from './incident-grade'
import type { IncidentStatus } from './incident'
import { ASSIGNMENT_STEPS, stepAssignment } from './assignment-steps'
import { actorMay, bumped, forbidden } from './workflow-incident'
import type {
  IncidentActionContext,
  IncidentActionResult,
  WorkflowIncident,
} from './workflow-incident'

export type { IncidentActionContext, IncidentActionResult, WorkflowIncident }
export { ASSIGNMENT_STEPS }

const OPEN: readonly IncidentStatus[] = ['reported', 'confirmed', 'responding', 'resolved']

// Incident-level rules; every move is in INCIDENT_STATUS_TRANSITIONS (checked in the tests).
// Assigning puts the incident in `responding` (reopening a `resolved` one); the last finished
// assignment resolves it; closing needs every assignment finished (issue #6).
export const INCIDENT_WORKFLOW_RULES = {
  grade: { from: OPEN, to: null },
  assign: { from: OPEN, to: 'responding' },
  acknowledge: { from: ['responding'], to: null },
  enRoute: { from: ['responding'], to: null },
  onScene: { from: ['responding'], to: null },
  finish: { from: ['responding'], to: null },
  close: { from: ['reported', 'confirmed', 'resolved'], to: 'closed' },
} as const satisfies Record<
  IncidentCommandType,
  { from: readonly IncidentStatus[]; to: IncidentStatus | null }
>

const stateAllows = (incident: WorkflowIncident, type: IncidentCommandType) => {
  const from: readonly IncidentStatus[] = INCIDENT_WORKFLOW_RULES[type].from
  if (!from.includes(incident.status)) return false
  return type !== 'close' || incident.assignments.every((a) => !isAssignmentOpen(a))
}

/** Actions `actor` may take on this one assignment now. */
export function allowedAssignmentActions(
  incident: WorkflowIncident,
  assignment: IncidentAssignment,
  actor: Actor,
): AssignmentCommandType[] {
  return (['acknowledge', 'enRoute', 'onScene', 'finish'] as const).filter(
    (type) =>
      stateAllows(incident, type) &&
      ASSIGNMENT_STEPS[type].from === assignment.status &&
      actorMay(actor, type, assignmentTarget(assignment)),
  )
}

/** Actions `actor` may take on the incident now (an assignment action: on at least one). */
export function allowedIncidentActions(
  incident: WorkflowIncident,
  actor: Actor,
): IncidentCommandType[] {
  return INCIDENT_COMMAND_TYPES.filter((type) =>
    isAssignmentCommandType(type)
      ? incident.assignments.some((a) =>
          allowedAssignmentActions(incident, a, actor).includes(type),
        )
      : stateAllows(incident, type) &&
        actorMay(actor, type, incidentTarget({ involvedDepartments: [...incident.departments] })),
  )
}

/**
 * Applies one incident action for `actor`: VALIDATION for bad fields, CONFLICT for a move the
 * state does not allow (details.status) or a refused field (details.reason), FORBIDDEN when
 * the policy says no. `actor = null` is the trusted in-process feed (simulator): state rules
 * only.
 */
export function applyIncidentAction(
  incident: WorkflowIncident,
  input: unknown,
  actor: Actor | null,
  context: IncidentActionContext,
): IncidentActionResult | DomainError {
  const parsed = IncidentCommand.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return new DomainError(
      'VALIDATION',
      issue?.message ?? 'Invalid incident action',
      parsed.error.issues,
    )
  }
  const command = parsed.data
  if (!stateAllows(incident, command.type)) return notNow(incident, command.type)
  if (isAssignmentCommandType(command.type) && 'assignmentId' in command) {
    return stepAssignment(incident, command, actor, context)
  }
  if (
    actor &&
    !actorMay(
      actor,
      command.type,
      incidentTarget({ involvedDepartments: [...incident.departments] }),
    )
  ) {
    return forbidden(incident, command.type, actor)
  }
  switch (command.type) {
    case 'grade':
      return grade(incident, command)
    case 'assign':
      return assign(incident, command, context)
    case 'close':
      return close(incident, command)
    default:
      return notNow(incident, command.type)
  }
}

function notNow(incident: WorkflowIncident, type: IncidentCommandType): DomainError {
  const open = incident.assignments.filter(isAssignmentOpen).length
  const why =
    type === 'close' && open > 0 && incident.status !== 'closed'
      ? { zh: `还有 ${open} 个调派未完成`, en: `${open} assignment(s) are not finished` }
      : { zh: `当前状态为 ${incident.status}`, en: `it is ${incident.status}` }
  return new DomainError(
    'CONFLICT',
    `事件 ${incident.id} ${why.zh}，不能执行 ${type} / Incident ${incident.id}: ${type} is not allowed now (${why.en}).`,
    { status: incident.status, action: type },
  )
}

const refused = (zh: string, en: string, reason: string) =>
  new DomainError('CONFLICT', `${zh} / ${en}`, { reason })

function grade(
  incident: WorkflowIncident,
  command: Extract<IncidentCommand, { type: 'grade' }>,
): IncidentActionResult | DomainError {
  if (command.grade === incident.grade) {
    const label = INCIDENT_GRADE_STYLES[command.grade].roman
    return new DomainError(
      'VALIDATION',
      `事件 ${incident.id} 已是${label} / Incident ${incident.id} already has grade ${command.grade}.`,
      [{ path: ['grade'], message: `已是${label} / Already grade ${command.grade}` }],
    )
  }
  return {
    action: 'grade',
    command,
    next: bumped(incident, { grade: command.grade }),
    assignment: null,
    facts: {
      previousGrade: incident.grade,
      gradeReason: command.reason,
      isEscalation: isMoreSevereGrade(command.grade, incident.grade),
    },
    summary: {
      zh: `定级 ${incident.grade} → ${command.grade}：${command.reason}`,
      en: `grade ${incident.grade} → ${command.grade}: ${command.reason}`,
    },
  }
}

function assign(
  incident: WorkflowIncident,
  command: Extract<IncidentCommand, { type: 'assign' }>,
  { now, newAssignmentId }: IncidentActionContext,
): IncidentActionResult | DomainError {
  const code = command.departmentCode
  if (incident.assignments.some((a) => a.departmentCode === code && isAssignmentOpen(a))) {
    return refused(
      `部门 ${code} 已在处置本事件`,
      `Department ${code} already has an open assignment on this incident`,
      'alreadyAssigned',
    )
  }
  const assignment: IncidentAssignment = {
    id: newAssignmentId,
    incidentId: incident.id,
    departmentCode: code,
    unitIds: command.unitIds,
    status: 'notified',
    notifiedAt: now,
    acknowledgedAt: null,
    enRouteAt: null,
    onSceneAt: null,
    finishedAt: null,
    escalatedAt: null,
    note: null,
  }
  const departments = incident.departments.includes(code)
    ? incident.departments
    : [...incident.departments, code]
  return {
    action: 'assign',
    command,
    next: bumped(incident, {
      status: 'responding',
      departments,
      assignments: [...incident.assignments, assignment],
    }),
    assignment,
    facts: { departmentCode: code, unitIds: command.unitIds },
    summary: { zh: `调派 ${code}`, en: `assigned ${code}` },
  }
}

function close(
  incident: WorkflowIncident,
  command: Extract<IncidentCommand, { type: 'close' }>,
): IncidentActionResult {
  return {
    action: 'close',
    command,
    next: bumped(incident, { status: 'closed' }),
    assignment: null,
    facts: { summary: command.summary },
    summary: { zh: `结束：${command.summary}`, en: `closed: ${command.summary}` },
  }
}
