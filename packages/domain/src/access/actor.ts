import { z } from 'zod'
import { EntityId } from '../common'
import { DepartmentCode } from '../department'
import type { CityCase } from '../city-case'
import type { Incident } from '../incident'
import type { Unit } from '../unit'
import { ROLES } from '../user'
import type { User } from '../user'
import { ApiKeyScope } from './role-permissions'

// Who is asking. `departmentCode` is only consulted for handlers and API keys: every other role
// works city-wide, so a stray code on them grants and restricts nothing.
export const UserActor = z.object({
  kind: z.literal('user'),
  userId: EntityId,
  role: z.enum(ROLES),
  departmentCode: DepartmentCode.nullable(),
})
export type UserActor = z.infer<typeof UserActor>

// A machine client; null department = a city-wide partner (e.g. the 12345 hotline platform).
export const ApiKeyActor = z.object({
  kind: z.literal('apiKey'),
  keyId: EntityId,
  scopes: z.array(ApiKeyScope),
  departmentCode: DepartmentCode.nullable(),
})
export type ApiKeyActor = z.infer<typeof ApiKeyActor>

export const Actor = z.discriminatedUnion('kind', [UserActor, ApiKeyActor])
export type Actor = z.infer<typeof Actor>

/** The departments an object is assigned to or responsible for; empty = none yet. */
export interface AccessTarget {
  departmentCodes: readonly string[]
}

export function userActor(user: Pick<User, 'id' | 'role' | 'departmentCode'>): UserActor {
  return { kind: 'user', userId: user.id, role: user.role, departmentCode: user.departmentCode }
}

// One helper per object kind, so nobody picks the wrong field when building a target.
export function caseTarget(c: Pick<CityCase, 'responsibleDepartment'>): AccessTarget {
  return { departmentCodes: c.responsibleDepartment === null ? [] : [c.responsibleDepartment] }
}

export function incidentTarget(incident: Pick<Incident, 'involvedDepartments'>): AccessTarget {
  return { departmentCodes: incident.involvedDepartments }
}

export function unitTarget(unit: Pick<Unit, 'departmentCode'>): AccessTarget {
  return { departmentCodes: [unit.departmentCode] }
}
