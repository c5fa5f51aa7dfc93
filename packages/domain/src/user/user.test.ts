import { describe, it, expect } from 'vitest'
import { ROLES, ROLE_LABELS, User } from './index'

const base = { id: 'u1', username: 'zhang.san', displayName: '张三', active: true }

describe('User', () => {
  it.each(ROLES.filter((r) => r !== 'handler'))('%s without a department is valid', (role) => {
    expect(User.safeParse({ ...base, role, departmentCode: null }).success).toBe(true)
  })

  it.each(ROLES.filter((r) => r !== 'handler'))('%s with a department is invalid', (role) => {
    expect(User.safeParse({ ...base, role, departmentCode: 'cgj' }).success).toBe(false)
  })

  it('a handler needs a department code', () => {
    const handler = { ...base, username: 'handler-cg-410102', role: 'handler' }
    expect(User.safeParse({ ...handler, departmentCode: 'cg-410102' }).success).toBe(true)
    expect(User.safeParse({ ...handler, departmentCode: null }).success).toBe(false)
  })

  it.each([
    ['handler-rx12345', true],
    ['Admin', false],
    ['a', false],
    ['-lead', false],
    ['张三', false],
  ])('username %s valid = %s', (username, ok) => {
    const user = { ...base, username, role: 'admin', departmentCode: null }
    expect(User.safeParse(user).success).toBe(ok)
  })

  it('rejects an unknown role', () => {
    expect(User.safeParse({ ...base, role: 'root', departmentCode: null }).success).toBe(false)
  })

  it('labels every role', () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort())
  })
})
