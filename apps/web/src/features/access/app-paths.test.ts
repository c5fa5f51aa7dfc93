import { describe, expect, it } from 'vitest'
import { meFor } from '../../test/api-stub'
import { canOpenPath, actorOf, homePath, landingPath, sameAppPath } from './app-paths'

describe('sameAppPath', () => {
  it.each([
    ['/audit?outcome=denied', '/audit?outcome=denied'],
    ['/departments/cgj#top', '/departments/cgj#top'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example/', null],
    ['javascript:alert(1)', null],
    ['/login?next=/audit', null],
    ['', null],
    [null, null],
  ])('%s → %s', (next, expected) => {
    expect(sameAppPath(next)).toBe(expected)
  })
})

describe('home views and landing', () => {
  it.each([
    ['operator', '/'],
    ['leader', '/thematic'],
    ['dispatcher', '/dispatch'],
    ['handler', '/departments/cgj'],
    ['inspector', '/field'],
    ['intake', '/intake'],
    ['shiftLead', '/shift'],
    ['admin', '/admin/users'],
  ] as const)('%s lands on %s', (role, path) => {
    expect(homePath(meFor(role))).toBe(path)
    expect(canOpenPath(actorOf(meFor(role)), path)).toBe(true)
  })

  it('opens the incident desk for the roles that read incidents', () => {
    const roles = ['operator', 'shiftLead', 'dispatcher', 'leader', 'handler', 'admin'] as const
    expect(roles.filter((r) => canOpenPath(actorOf(meFor(r)), '/incidents'))).toEqual([
      'operator',
      'shiftLead',
      'dispatcher',
      'leader',
      'handler',
    ])
  })

  it('ignores a next the role may not open', () => {
    expect(landingPath(meFor('handler'), '/departments/sthjj')).toBe('/departments/cgj')
    expect(landingPath(meFor('leader'), '/admin/users')).toBe('/thematic')
    expect(landingPath(meFor('admin'), '/nowhere')).toBe('/admin/users')
    expect(landingPath(meFor('admin'), '/audit?actor=x')).toBe('/audit?actor=x')
  })
})
