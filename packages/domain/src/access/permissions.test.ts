import { describe, it, expect } from 'vitest'
import { ROLES } from '../user'
import { PERMISSION_LABELS } from './permission-labels'
import {
  DEPARTMENT_SCOPED_PERMISSIONS,
  LISTABLE_PERMISSIONS,
  PERMISSIONS,
  isDepartmentScoped,
  isListable,
} from './permissions'
import { API_KEY_SCOPES, ApiKeyScope, ROLE_PERMISSIONS } from './role-permissions'

const roleGranted = new Set(ROLES.flatMap((role) => ROLE_PERMISSIONS[role]))

describe('permission catalogue', () => {
  it('names are unique `<object>.<verb>` in camelCase', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length)
    for (const p of PERMISSIONS) expect(p).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z0-9]*$/)
  })

  it('labels every permission in zh and en, and no two share a zh label', () => {
    expect(Object.keys(PERMISSION_LABELS).sort()).toEqual([...PERMISSIONS].sort())
    const zh = Object.values(PERMISSION_LABELS).map((l) => l.zh)
    expect(new Set(zh).size).toBe(zh.length)
    for (const { zh, en } of Object.values(PERMISSION_LABELS)) {
      expect(zh.length).toBeGreaterThan(0)
      expect(en.length).toBeGreaterThan(0)
    }
  })

  it('grants every permission to some role or API key (no dead entries)', () => {
    const keyGranted: readonly string[] = API_KEY_SCOPES
    expect(PERMISSIONS.filter((p) => !roleGranted.has(p) && !keyGranted.includes(p))).toEqual([])
  })

  it('lists only department-scoped permissions as listable', () => {
    expect(LISTABLE_PERMISSIONS.every(isDepartmentScoped)).toBe(true)
    expect(PERMISSIONS.filter(isListable)).toEqual(['incident.read', 'case.read', 'unit.read'])
    expect(PERMISSIONS.filter(isDepartmentScoped)).toEqual(DEPARTMENT_SCOPED_PERMISSIONS)
  })
})

describe('machine scopes and human permissions stay apart', () => {
  const ingest = PERMISSIONS.filter((p) => p.startsWith('ingest.'))

  it('offers every ingest.* permission as an API key scope', () => {
    expect(ingest).toEqual(['ingest.environment', 'ingest.traffic', 'ingest.cap', 'ingest.open311'])
    for (const p of ingest) expect(ApiKeyScope.safeParse(p).success).toBe(true)
  })

  it('gives no role an ingest.* permission', () => {
    expect(ingest.filter((p) => roleGranted.has(p))).toEqual([])
  })

  it.each([
    'self.changePassword',
    'user.manage',
    'apiKey.manage',
    'audit.read',
    'case.close',
    'incident.create',
  ])('%s cannot be an API key scope', (p) => {
    expect(ApiKeyScope.safeParse(p).success).toBe(false)
  })

  it('every role holds self.* and nothing twice', () => {
    for (const role of ROLES) {
      const granted = ROLE_PERMISSIONS[role]
      expect(granted).toContain('self.changePassword')
      expect(granted).toContain('self.manageMfa')
      expect(new Set(granted).size).toBe(granted.length)
    }
  })
})
