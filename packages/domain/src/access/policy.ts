import { DomainError } from '../errors'
import { ROLE_LABELS } from '../user'
import type { AccessTarget, Actor } from './actor'
import { PERMISSION_LABELS } from './permission-labels'
import { PERMISSIONS, isDepartmentScoped, isListable } from './permissions'
import type { Permission } from './permissions'
import { API_KEY_SCOPES, ROLE_PERMISSIONS } from './role-permissions'

/** Which objects a permission reaches for an actor: the BFF turns it into a WHERE clause. */
export type ListScope =
  { kind: 'all' } | { kind: 'departments'; codes: string[] } | { kind: 'none' }

function grants(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'user') return ROLE_PERMISSIONS[actor.role].includes(permission)
  // Checked against API_KEY_SCOPES too: an actor built without parsing must not smuggle in
  // a human-only permission such as user.manage.
  const grantable: readonly Permission[] = API_KEY_SCOPES
  const scopes: readonly Permission[] = actor.scopes
  return grantable.includes(permission) && scopes.includes(permission)
}

// Handlers and department API keys are bound to their department; a handler without one (a
// broken account) is bound to nothing rather than to everything.
function isDepartmentBound(actor: Actor): boolean {
  return actor.kind === 'user' ? actor.role === 'handler' : actor.departmentCode !== null
}

export function listScope(actor: Actor, permission: Permission): ListScope {
  if (!grants(actor, permission)) return { kind: 'none' }
  if (!isDepartmentScoped(permission) || !isDepartmentBound(actor)) return { kind: 'all' }
  if (actor.departmentCode === null) return { kind: 'none' }
  return { kind: 'departments', codes: [actor.departmentCode] }
}

/**
 * Whether `actor` may use `permission`, on `target` when given. Without a target a
 * department-bound actor passes only for list reads (case/incident/unit.read): the caller must
 * then filter with `listScope`. Scoped actions always need the object's target.
 */
export function can(actor: Actor, permission: Permission, target?: AccessTarget): boolean {
  const scope = listScope(actor, permission)
  if (scope.kind !== 'departments') return scope.kind === 'all'
  if (target === undefined) return isListable(permission)
  return target.departmentCodes.some((code) => scope.codes.includes(code))
}

/** Throws `DomainError('FORBIDDEN')` with a bilingual message naming who, what and why. */
export function authorize(actor: Actor, permission: Permission, target?: AccessTarget): void {
  if (can(actor, permission, target)) return
  throw new DomainError('FORBIDDEN', forbiddenMessage(actor, permission, target), { permission })
}

/** The actor's usable permissions, sorted (for `GET /api/me` and for hiding UI). */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => listScope(actor, p).kind !== 'none').sort()
}

function describeActor(actor: Actor): { zh: string; en: string } {
  if (actor.kind === 'apiKey') {
    return { zh: `API 密钥 ${actor.keyId}`, en: `API key ${actor.keyId}` }
  }
  return { zh: `角色 ${ROLE_LABELS[actor.role].zh}`, en: `Role ${actor.role}` }
}

function forbiddenMessage(actor: Actor, permission: Permission, target?: AccessTarget): string {
  const who = describeActor(actor)
  const what = PERMISSION_LABELS[permission].zh
  if (!grants(actor, permission)) {
    return `${who.zh} 不能执行 ${what} / ${who.en} may not perform ${permission}`
  }
  const code = actor.departmentCode
  if (code === null) {
    return `${who.zh} 未归属任何部门，不能执行 ${what} / ${who.en} belongs to no department, so it may not perform ${permission}`
  }
  if (target === undefined) {
    return `${who.zh} 执行 ${what} 须指明对象 / ${who.en} needs the object to perform ${permission}`
  }
  return `${who.zh} 只能对本部门（${code}）的对象执行 ${what} / ${who.en} may perform ${permission} only on objects of department ${code}`
}
