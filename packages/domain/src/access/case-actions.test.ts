import { describe, it, expect } from 'vitest'
import {
  CASE_STATE_TRANSITIONS,
  CASE_STATES,
  canTransitionCase,
  isTerminalCaseState,
} from '../city-case'
import type { CaseState } from '../city-case'
import { ROLES } from '../user'
import type { Role } from '../user'
import type { Actor } from './actor'
import {
  CASE_ACTIONS,
  CASE_ACTION_PERMISSIONS,
  CASE_ACTION_STATES,
  availableCaseActions,
} from './case-actions'
import type { CaseAction } from './case-actions'
import { PERMISSIONS } from './permissions'
import { ROLE_PERMISSIONS } from './role-permissions'

function rolesFor(action: CaseAction): string[] {
  const permission = CASE_ACTION_PERMISSIONS[action]
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission))
}

const moves = CASE_ACTIONS.flatMap((action) => {
  const { from, to }: { from: readonly CaseState[]; to: readonly CaseState[] } =
    CASE_ACTION_STATES[action]
  return from.flatMap((f) => to.map((t) => ({ action, from: f, to: t })))
})

describe('case actions ↔ the case state machine', () => {
  it('maps each action to the case permission of the same name, and covers every case verb', () => {
    for (const action of CASE_ACTIONS)
      expect(CASE_ACTION_PERMISSIONS[action]).toBe(`case.${action}`)
    const caseVerbs = PERMISSIONS.filter((p) => p.startsWith('case.') && p !== 'case.read')
    expect(caseVerbs.sort()).toEqual(Object.values(CASE_ACTION_PERMISSIONS).sort())
  })

  it('every action is performed by exactly one role, or two for 延期 approval', () => {
    const shared = CASE_ACTIONS.filter((a) => rolesFor(a).length !== 1)
    expect(shared).toEqual(['report', 'decideExtension'])
    expect(rolesFor('report')).toEqual(['inspector', 'intake'])
    expect(rolesFor('decideExtension')).toEqual(['shiftLead', 'dispatcher'])
  })

  it('every move an action makes is allowed by CASE_STATE_TRANSITIONS', () => {
    expect(moves.filter((m) => !canTransitionCase(m.from, m.to))).toEqual([])
  })

  it.each(
    CASE_STATES.flatMap((from) =>
      CASE_STATE_TRANSITIONS[from].map((to): [CaseState, CaseState] => [from, to]),
    ),
  )('%s → %s is reachable by an action some role may perform', (from, to) => {
    const actions = moves.filter((m) => m.from === from && m.to === to).map((m) => m.action)
    expect(actions.flatMap(rolesFor).length).toBeGreaterThan(0)
  })

  it('report creates a REPORTED case; terminal states allow no action', () => {
    expect(CASE_ACTION_STATES.report).toEqual({ from: [], to: ['REPORTED'] })
    const terminal = CASE_STATES.filter(isTerminalCaseState)
    const fromStates = CASE_ACTIONS.flatMap((a): readonly CaseState[] => CASE_ACTION_STATES[a].from)
    expect(terminal.filter((s) => fromStates.includes(s))).toEqual([])
  })
})

describe('availableCaseActions', () => {
  // Handlers belong to cg-410102; every other role works city-wide.
  const actor = (role: Role): Actor => ({
    kind: 'user',
    userId: `u-${role}`,
    role,
    departmentCode: role === 'handler' ? 'cg-410102' : null,
  })

  it.each([
    ['intake', 'REPORTED', null, ['accept', 'reject']],
    ['intake', 'ACCEPTED', null, ['issueVerify']],
    ['inspector', 'ACCEPTED', null, ['verify']],
    ['shiftLead', 'VERIFIED', null, ['file', 'notFile']],
    ['dispatcher', 'FILED', null, ['dispatch']],
    ['dispatcher', 'RETURNED', 'cg-410102', ['dispatch']],
    [
      'dispatcher',
      'DISPATCHED',
      'cg-410102',
      ['decideReturn', 'decideExtension', 'decideSuspension'],
    ],
    [
      'handler',
      'DISPATCHED',
      'cg-410102',
      ['dispose', 'requestReturn', 'requestExtension', 'requestSuspension'],
    ],
    ['handler', 'DISPATCHED', 'cg-410105', []],
    ['dispatcher', 'SUSPENDED', 'cg-410102', ['resume']],
    ['intake', 'DISPOSED', 'cg-410102', ['issueCheck']],
    ['inspector', 'CHECKING', 'cg-410102', ['check']],
    ['shiftLead', 'CHECKING', 'cg-410102', ['close']],
    ['leader', 'DISPATCHED', 'cg-410102', ['supervise']],
    ['leader', 'CLOSED', 'cg-410102', []],
    ['admin', 'DISPATCHED', 'cg-410102', []],
  ] as const)('%s on a %s case of %s → %j', (role, status, dept, actions) => {
    const c = { status, responsibleDepartment: dept }
    expect(availableCaseActions(actor(role), c)).toEqual(actions)
  })
})
