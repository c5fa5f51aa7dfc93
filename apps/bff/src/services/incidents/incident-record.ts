import {
  allowedAssignmentActions,
  allowedIncidentActions,
  can,
  DomainError,
  incidentTarget,
  type Actor,
  type IncidentAssignment,
  type WorkflowIncident,
} from '@cityops/domain'
import { asc, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { incidentAssignments, units } from '../../db/schema'
import { lockIncident, readIncident, type IncidentState } from './incident-state'

type AssignmentRow = typeof incidentAssignments.$inferSelect

const iso = (d: Date | null) => (d === null ? null : d.toISOString())

export function toAssignment(r: AssignmentRow): IncidentAssignment {
  return {
    id: r.id,
    incidentId: r.incidentId,
    departmentCode: r.departmentCode,
    unitIds: r.unitIds,
    status: r.status,
    notifiedAt: r.notifiedAt.toISOString(),
    acknowledgedAt: iso(r.acknowledgedAt),
    enRouteAt: iso(r.enRouteAt),
    onSceneAt: iso(r.onSceneAt),
    finishedAt: iso(r.finishedAt),
    escalatedAt: iso(r.escalatedAt),
    note: r.note,
  }
}

const at = (s: string | null) => (s === null ? null : new Date(s))

/** The columns of an assignment as the domain shaped it. */
export const assignmentColumns = (a: IncidentAssignment) => ({
  id: a.id,
  incidentId: a.incidentId,
  departmentCode: a.departmentCode,
  unitIds: [...a.unitIds],
  status: a.status,
  notifiedAt: new Date(a.notifiedAt),
  acknowledgedAt: at(a.acknowledgedAt),
  enRouteAt: at(a.enRouteAt),
  onSceneAt: at(a.onSceneAt),
  finishedAt: at(a.finishedAt),
  escalatedAt: at(a.escalatedAt),
  note: a.note,
})

/** An incident with its assignments (row-locked with `forUpdate`, for a change in this tx). */
export interface IncidentRecord {
  state: IncidentState
  assignments: IncidentAssignment[]
  /** Call signs (郑消01…) of the units the assignments name: people read those, not ids. */
  callSigns: Readonly<Record<string, string>>
}

/** The call signs of every unit the assignments name (one query; none when no unit is named). */
export async function readUnitCallSigns(
  tx: Executor,
  assignments: readonly IncidentAssignment[],
): Promise<Record<string, string>> {
  const ids = [...new Set(assignments.flatMap((a) => a.unitIds))]
  if (ids.length === 0) return {}
  const rows = await tx
    .select({ id: units.id, callSign: units.callSign })
    .from(units)
    .where(inArray(units.id, ids))
  return Object.fromEntries(rows.map((r) => [r.id, r.callSign]))
}

/** The assignments of these incidents, each incident's in the order they were made. */
export async function readAssignments(
  tx: Executor,
  incidentIds: readonly string[],
): Promise<IncidentAssignment[]> {
  if (incidentIds.length === 0) return []
  const rows = await tx
    .select()
    .from(incidentAssignments)
    .where(inArray(incidentAssignments.incidentId, [...incidentIds]))
    .orderBy(asc(incidentAssignments.notifiedAt), asc(incidentAssignments.id))
  return rows.map(toAssignment)
}

export async function readIncidentRecord(
  tx: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<IncidentRecord> {
  const state = options.forUpdate ? await lockIncident(tx, id) : await readIncident(tx, id)
  const assignments = await readAssignments(tx, [id])
  return { state, assignments, callSigns: await readUnitCallSigns(tx, assignments) }
}

export function toWorkflowIncident({
  state,
  assignments,
}: Pick<IncidentRecord, 'state' | 'assignments'>): WorkflowIncident {
  return {
    id: state.id,
    status: state.status,
    grade: state.grade,
    version: state.version,
    departments: state.departments,
    assignments,
  }
}

/** The answer of GET /api/incidents/:id and of every action: what `actor` sees and may do. */
export function incidentDetail(record: IncidentRecord, actor: Actor | null) {
  const workflow = toWorkflowIncident(record)
  return {
    incident: record.state,
    assignments: record.assignments.map((a) => ({
      ...a,
      // a unit removed from the fleet since keeps its id, with no call sign
      units: a.unitIds.map((id) => ({ id, callSign: record.callSigns[id] ?? null })),
      allowedActions: actor ? allowedAssignmentActions(workflow, a, actor) : [],
    })),
    allowedActions: actor ? allowedIncidentActions(workflow, actor) : [],
  }
}
export type IncidentDetail = ReturnType<typeof incidentDetail>

/** An incident outside the reader's departments does not exist for them (ids must not leak). */
export function assertIncidentReadable(actor: Actor, state: IncidentState) {
  if (!can(actor, 'incident.read', incidentTarget({ involvedDepartments: state.departments }))) {
    throw new DomainError('NOT_FOUND', `没有事件 ${state.id} / There is no incident ${state.id}.`)
  }
}
