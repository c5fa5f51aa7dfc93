import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import { Actor, caseTarget, incidentTarget, unitTarget, userActor } from './actor'
import type { AccessTarget } from './actor'
import { PERMISSIONS } from './permissions'
import type { Permission } from './permissions'
import { authorize, can, listScope, permissionsOf } from './policy'
import { API_KEY_SCOPES } from './role-permissions'

const OWN = 'cg-410102'
const OTHER = 'cg-410105'
const own: AccessTarget = { departmentCodes: [OWN] }
const other: AccessTarget = { departmentCodes: [OTHER] }
const joint: AccessTarget = { departmentCodes: [OTHER, OWN] }
const unassigned: AccessTarget = { departmentCodes: [] }

const handler: Actor = { kind: 'user', userId: 'h1', role: 'handler', departmentCode: OWN }
const orphanHandler: Actor = { kind: 'user', userId: 'h0', role: 'handler', departmentCode: null }
const dispatcher: Actor = { kind: 'user', userId: 'd1', role: 'dispatcher', departmentCode: null }
const leader: Actor = { kind: 'user', userId: 'l1', role: 'leader', departmentCode: null }
const admin: Actor = { kind: 'user', userId: 'a1', role: 'admin', departmentCode: null }
const cityKey: Actor = {
  kind: 'apiKey',
  keyId: 'k-12345',
  scopes: [...API_KEY_SCOPES],
  departmentCode: null,
}
const deptKey: Actor = {
  kind: 'apiKey',
  keyId: 'k-cg',
  scopes: ['case.read', 'unit.update'],
  departmentCode: OWN,
}
const envKey: Actor = {
  kind: 'apiKey',
  keyId: 'k-env',
  scopes: ['ingest.environment'],
  departmentCode: null,
}

const ACTORS = { handler, dispatcher, admin, cityKey, deptKey, envKey, orphanHandler }
type ActorName = keyof typeof ACTORS

const caseActions = PERMISSIONS.filter((p) => p.startsWith('case.') && p !== 'case.read')

describe('handler: own department versus another', () => {
  it.each([
    ['case.read', own, true],
    ['case.read', other, false],
    ['case.read', joint, true],
    ['case.read', unassigned, false],
    ['case.read', undefined, true], // the list form; the BFF filters by listScope
    ['case.dispose', own, true],
    ['case.dispose', other, false],
    ['case.dispose', undefined, false], // an action needs its case
    ['case.requestReturn', own, true],
    ['case.requestExtension', other, false],
    ['case.requestSuspension', own, true],
    ['incident.read', joint, true],
    ['incident.read', other, false],
    ['incidentAssignment.progress', own, true],
    ['incidentAssignment.progress', other, false],
    ['unit.update', own, true],
    ['unit.update', other, false],
    ['self.changePassword', undefined, true],
    ['case.dispatch', own, false],
    ['incident.assign', own, false],
  ] as const)('%s on %o = %s', (permission, target, ok) => {
    expect(can(handler, permission, target)).toBe(ok)
  })

  it('a handler without a department can do nothing scoped, but may change its password', () => {
    expect(can(orphanHandler, 'case.read')).toBe(false)
    expect(can(orphanHandler, 'case.dispose', { departmentCodes: [''] })).toBe(false)
    expect(listScope(orphanHandler, 'case.read')).toEqual({ kind: 'none' })
    expect(permissionsOf(orphanHandler)).toEqual(['self.changePassword', 'self.manageMfa'])
  })

  it('city-wide roles ignore the target', () => {
    expect(can(dispatcher, 'case.dispatch', other)).toBe(true)
    expect(can(dispatcher, 'case.dispatch', unassigned)).toBe(true)
    expect(can(dispatcher, 'case.read')).toBe(true)
  })
})

describe('listScope', () => {
  it.each([
    ['handler', 'case.read', { kind: 'departments', codes: [OWN] }],
    ['handler', 'case.dispose', { kind: 'departments', codes: [OWN] }],
    ['handler', 'self.manageMfa', { kind: 'all' }],
    ['handler', 'case.close', { kind: 'none' }],
    ['dispatcher', 'case.read', { kind: 'all' }],
    ['admin', 'case.read', { kind: 'none' }],
    ['cityKey', 'case.read', { kind: 'all' }],
    ['deptKey', 'case.read', { kind: 'departments', codes: [OWN] }],
    ['deptKey', 'incident.read', { kind: 'none' }],
    ['envKey', 'ingest.environment', { kind: 'all' }],
  ] as const)('%s %s → %o', (name: ActorName, permission, scope) => {
    expect(listScope(ACTORS[name], permission)).toEqual(scope)
  })
})

describe('API keys', () => {
  it.each([
    ['cityKey', 'case.read', other, true],
    ['cityKey', 'ingest.open311', undefined, true],
    ['deptKey', 'case.read', own, true],
    ['deptKey', 'case.read', other, false],
    ['deptKey', 'case.read', undefined, true],
    ['deptKey', 'unit.update', own, true],
    ['deptKey', 'unit.update', undefined, false],
    ['deptKey', 'ingest.traffic', undefined, false],
    ['envKey', 'ingest.environment', undefined, true],
    ['envKey', 'ingest.traffic', undefined, false],
    ['envKey', 'case.read', other, false],
  ] as const)('%s %s on %o = %s', (name: ActorName, permission, target, ok) => {
    expect(can(ACTORS[name], permission, target)).toBe(ok)
  })

  it('ignores a human-only scope smuggled into an unparsed actor', () => {
    // What a caller gets by building an actor from raw data without Actor.parse.
    const smuggled = { ...cityKey, scopes: ['user.manage'] } as unknown as Actor
    expect(can(smuggled, 'user.manage')).toBe(false)
  })

  it('parses only machine scopes', () => {
    expect(Actor.safeParse(cityKey).success).toBe(true)
    expect(Actor.safeParse({ ...cityKey, scopes: ['case.close'] }).success).toBe(false)
    expect(Actor.safeParse({ ...handler, role: 'root' }).success).toBe(false)
  })
})

describe('admin and leader', () => {
  it('admin can neither act on nor read cases and incidents', () => {
    const contents = PERMISSIONS.filter(
      (p) => p.startsWith('case.') || p.startsWith('incident') || p.endsWith('.view'),
    )
    expect(contents.filter((p) => can(admin, p, own))).toEqual([])
    expect(contents).toContain('incidentAssignment.progress')
  })

  it('admin administers and reads the audit log', () => {
    const administration: Permission[] = [
      'user.manage',
      'department.manage',
      'apiKey.manage',
      'unit.manage',
      'caseCategory.manage',
      'audit.read',
      'audit.export',
    ]
    expect(administration.filter((p) => !can(admin, p))).toEqual([])
  })

  it('leader reads everything, including audit', () => {
    const reads: Permission[] = [
      'wall.view',
      'thematic.view',
      'evaluation.view',
      'alert.read',
      'incident.read',
      'case.read',
      'unit.read',
      'audit.read',
    ]
    expect(reads.filter((p) => !can(leader, p, other))).toEqual([])
  })

  it('among case actions the leader may only supervise', () => {
    expect(caseActions.filter((p) => can(leader, p, other))).toEqual(['case.supervise'])
  })
})

describe('authorize', () => {
  it('passes silently when allowed', () => {
    expect(() => authorize(handler, 'case.dispose', own)).not.toThrow()
  })

  it.each([
    [
      'dispatcher',
      'case.close',
      undefined,
      '角色 派遣员 不能执行 结案 / Role dispatcher may not perform case.close',
    ],
    [
      'handler',
      'case.dispose',
      other,
      `角色 专业部门处置员 只能对本部门（${OWN}）的对象执行 处置反馈 / Role handler may perform case.dispose only on objects of department ${OWN}`,
    ],
    [
      'handler',
      'case.dispose',
      undefined,
      '角色 专业部门处置员 执行 处置反馈 须指明对象 / Role handler needs the object to perform case.dispose',
    ],
    [
      'orphanHandler',
      'case.read',
      own,
      '角色 专业部门处置员 未归属任何部门，不能执行 查看案件 / Role handler belongs to no department, so it may not perform case.read',
    ],
    [
      'envKey',
      'ingest.cap',
      undefined,
      'API 密钥 k-env 不能执行 接入预警信息（CAP） / API key k-env may not perform ingest.cap',
    ],
  ] as const)('%s %s on %o', (name: ActorName, permission, target, message) => {
    const error = expectDomainError(() => authorize(ACTORS[name], permission, target), 'FORBIDDEN')
    expect(error.message).toBe(message)
    expect(error.details).toEqual({ permission })
  })
})

describe('permissionsOf', () => {
  it('lists usable permissions sorted, for GET /api/me', () => {
    expect(permissionsOf(deptKey)).toEqual(['case.read', 'unit.update'])
    expect(permissionsOf(leader)).toEqual([
      'alert.read',
      'audit.export',
      'audit.read',
      'case.read',
      'case.supervise',
      'evaluation.view',
      'incident.read',
      'self.changePassword',
      'self.manageMfa',
      'thematic.view',
      'unit.read',
      'wall.view',
    ])
  })
})

describe('targets', () => {
  it('builds targets from cases, incidents, units and users', () => {
    expect(caseTarget({ responsibleDepartment: OWN })).toEqual(own)
    expect(caseTarget({ responsibleDepartment: null })).toEqual(unassigned)
    expect(incidentTarget({ involvedDepartments: [OTHER, OWN] })).toEqual(joint)
    expect(unitTarget({ departmentCode: OTHER })).toEqual(other)
    expect(userActor({ id: 'h1', role: 'handler', departmentCode: OWN })).toEqual(handler)
  })
})
