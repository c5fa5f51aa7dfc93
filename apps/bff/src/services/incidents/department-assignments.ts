import { can, incidentTarget, type Actor, type IncidentStatus } from '@cityops/domain'
import { and, countDistinct, desc, eq, inArray, ne } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { incidentAssignments, incidents } from '../../db/schema'
import { incidentDetail, readAssignments, readUnitCallSigns } from './incident-record'
import { readIncidents } from './incident-state'

// Where a department still has something to do: 已处置 and 已结束 need nothing from it.
const ACTIVE_STATUSES = [
  'reported',
  'confirmed',
  'responding',
] as const satisfies readonly IncidentStatus[]

/** At most this many incidents on a department's page (a city has a handful at once). */
export const DEPARTMENT_ASSIGNMENTS_LIMIT = 50

/**
 * 应急调派 on a department's page: the active incidents where `departmentCode` has an
 * assignment not yet 处置完毕, newest first, each with that assignment and the actions
 * `actor` may take on it, as GET /api/incidents/:id shapes them. Five statements in one
 * read-only transaction for the whole list, instead of a detail read per incident.
 */
export function listDepartmentAssignments(db: Database, actor: Actor, departmentCode: string) {
  // one snapshot: an incident's version and its assignments must be read at the same moment
  return db.transaction((tx) => readDepartmentAssignments(tx, actor, departmentCode), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  })
}

async function readDepartmentAssignments(db: Executor, actor: Actor, departmentCode: string) {
  const open = and(
    eq(incidentAssignments.departmentCode, departmentCode),
    ne(incidentAssignments.status, 'finished'),
    inArray(incidents.status, [...ACTIVE_STATUSES]),
  )
  const [counted] = await db
    .select({ total: countDistinct(incidentAssignments.incidentId) })
    .from(incidentAssignments)
    .innerJoin(incidents, eq(incidents.id, incidentAssignments.incidentId))
    .where(open)
  const newest = await db
    .selectDistinct({ id: incidents.id, reportedAt: incidents.reportedAt })
    .from(incidentAssignments)
    .innerJoin(incidents, eq(incidents.id, incidentAssignments.incidentId))
    .where(open)
    .orderBy(desc(incidents.reportedAt), desc(incidents.id))
    .limit(DEPARTMENT_ASSIGNMENTS_LIMIT)
  const ids = newest.map((r) => r.id)
  if (ids.length === 0) return { total: counted?.total ?? 0, items: [] }

  const states = new Map((await readIncidents(db, ids)).map((s) => [s.id, s]))
  const assignments = await readAssignments(db, ids)
  const callSigns = await readUnitCallSigns(db, assignments)

  const items = ids.flatMap((id) => {
    const state = states.get(id)
    // the route's guard let the reader see this department; an incident is still shown only
    // to those who may read it (as GET /api/incidents/:id decides)
    if (!state) return []
    if (!can(actor, 'incident.read', incidentTarget({ involvedDepartments: state.departments }))) {
      return []
    }
    const record = { state, assignments: assignments.filter((a) => a.incidentId === id), callSigns }
    const detail = incidentDetail(record, actor)
    // at most one: the domain refuses a second open assignment of the same department
    const assignment = detail.assignments.find(
      (a) => a.departmentCode === departmentCode && a.status !== 'finished',
    )
    return assignment ? [{ incident: detail.incident, assignment }] : []
  })
  return { total: counted?.total ?? 0, items }
}
