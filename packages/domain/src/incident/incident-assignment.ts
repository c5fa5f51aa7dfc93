import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import { DepartmentCode } from '../department'

// One department's part in an emergency (issue #6 "Emergency incidents"): the command centre
// notifies it, it acknowledges, sets out, arrives and reports finished. Grading follows
// DOMAIN.md §2.5; the assignment stages are the issue's, in this order and without skipping.
export const ASSIGNMENT_STATUSES = [
  'notified',
  'acknowledged',
  'enRoute',
  'onScene',
  'finished',
] as const
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number]

export const ASSIGNMENT_STATUS_TRANSITIONS = {
  notified: ['acknowledged'],
  acknowledged: ['enRoute'],
  enRoute: ['onScene'],
  onScene: ['finished'],
  finished: [],
} as const satisfies Record<AssignmentStatus, readonly AssignmentStatus[]>

export const ASSIGNMENT_STATUS_LABELS = {
  notified: { zh: '已通知', en: 'Notified' },
  acknowledged: { zh: '已签收', en: 'Acknowledged' },
  enRoute: { zh: '已出发', en: 'En route' },
  onScene: { zh: '已到场', en: 'On scene' },
  finished: { zh: '已完成', en: 'Finished' },
} as const satisfies Record<AssignmentStatus, { zh: string; en: string }>

/** [U] DOMAIN.md gives no number: five minutes to acknowledge, then the shift lead hears. */
export const DEFAULT_ASSIGNMENT_ACK_TIMEOUT_SECONDS = 300

export const IncidentAssignment = z.object({
  id: EntityId,
  incidentId: EntityId,
  departmentCode: DepartmentCode,
  unitIds: z.array(EntityId),
  status: z.enum(ASSIGNMENT_STATUSES),
  notifiedAt: IsoDateTime,
  acknowledgedAt: IsoDateTime.nullable(),
  enRouteAt: IsoDateTime.nullable(),
  onSceneAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  /** When the missing acknowledgement was escalated to the shift lead; set once. */
  escalatedAt: IsoDateTime.nullable(),
  note: z.string().nullable(),
})
export type IncidentAssignment = z.infer<typeof IncidentAssignment>

export function canTransitionAssignment(from: AssignmentStatus, to: AssignmentStatus): boolean {
  const allowed: readonly AssignmentStatus[] = ASSIGNMENT_STATUS_TRANSITIONS[from]
  return allowed.includes(to)
}

export const isAssignmentOpen = (a: Pick<IncidentAssignment, 'status'>) => a.status !== 'finished'

/**
 * The assignments to escalate now: still `notified` more than `ackTimeoutSeconds` after they
 * were notified, and not escalated before (each escalates exactly once).
 */
export function overdueAssignments<
  A extends Pick<IncidentAssignment, 'status' | 'notifiedAt' | 'escalatedAt'>,
>(assignments: readonly A[], now: string, ackTimeoutSeconds: number): A[] {
  const nowMs = Date.parse(now)
  return assignments.filter(
    (a) =>
      a.status === 'notified' &&
      a.escalatedAt === null &&
      nowMs - Date.parse(a.notifiedAt) > ackTimeoutSeconds * 1000,
  )
}
