import { z } from 'zod'

// Every action the BFF authorizes and the UI shows or hides, named `<object>.<verb>`.
// Case verbs follow the DOMAIN.md §2.1 state machine; incident verbs follow the emergency flow
// (create → grade → assign → each assignment progresses → close with summary).
export const PERMISSIONS = [
  'wall.view',
  'thematic.view',
  'evaluation.view',
  'incident.read',
  'incident.create',
  'incident.update',
  'incident.grade',
  'incident.assign',
  'incident.close',
  'incidentAssignment.progress',
  'alert.read',
  'alert.acknowledge',
  'alarm.acknowledge',
  'case.read',
  'case.report',
  'case.accept',
  'case.reject',
  'case.issueVerify',
  'case.verify',
  'case.file',
  'case.notFile',
  'case.dispatch',
  'case.dispose',
  'case.requestReturn',
  'case.decideReturn',
  'case.requestExtension',
  'case.decideExtension',
  'case.requestSuspension',
  'case.decideSuspension',
  'case.resume',
  'case.issueCheck',
  'case.check',
  'case.close',
  'case.supervise',
  'caseCategory.manage',
  'unit.read',
  'unit.update',
  'unit.manage',
  'user.manage',
  'department.manage',
  'apiKey.manage',
  'audit.read',
  'audit.export',
  'self.changePassword',
  'self.manageMfa',
  'ingest.environment',
  'ingest.traffic',
  'ingest.cap',
  'ingest.open311',
] as const
export const Permission = z.enum(PERMISSIONS)
export type Permission = z.infer<typeof Permission>

// Permissions whose object belongs to departments (a case's responsible department, an
// incident's involved departments, a unit's department). Department-bound actors (handlers,
// department API keys) get them only on objects of their own department.
export const DEPARTMENT_SCOPED_PERMISSIONS = [
  'incident.read',
  'incidentAssignment.progress',
  'case.read',
  'case.dispose',
  'case.requestReturn',
  'case.requestExtension',
  'case.requestSuspension',
  'unit.read',
  'unit.update',
] as const satisfies readonly Permission[]
export type DepartmentScopedPermission = (typeof DEPARTMENT_SCOPED_PERMISSIONS)[number]

// The scoped permissions that have a "list" form: without a target a department-bound actor may
// list, and the BFF filters by `listScope`. Scoped actions always need their target.
export const LISTABLE_PERMISSIONS = [
  'incident.read',
  'case.read',
  'unit.read',
] as const satisfies readonly DepartmentScopedPermission[]

export function isDepartmentScoped(permission: Permission): boolean {
  const scoped: readonly Permission[] = DEPARTMENT_SCOPED_PERMISSIONS
  return scoped.includes(permission)
}

export function isListable(permission: Permission): boolean {
  const listable: readonly Permission[] = LISTABLE_PERMISSIONS
  return listable.includes(permission)
}
