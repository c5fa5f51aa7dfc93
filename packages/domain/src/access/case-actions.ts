import { CASE_STATES, isTerminalCaseState } from '../city-case'
import type { CaseState, CityCase } from '../city-case'
import type { Actor } from './actor'
import { caseTarget } from './actor'
import type { Permission } from './permissions'
import { can } from './policy'

export const CASE_ACTIONS = [
  'report',
  'accept',
  'reject',
  'issueVerify',
  'verify',
  'file',
  'notFile',
  'dispatch',
  'dispose',
  'requestReturn',
  'decideReturn',
  'requestExtension',
  'decideExtension',
  'requestSuspension',
  'decideSuspension',
  'resume',
  'issueCheck',
  'check',
  'close',
  'supervise',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

// One permission per action, so a role's buttons follow from ROLE_PERMISSIONS.
export const CASE_ACTION_PERMISSIONS = {
  report: 'case.report',
  accept: 'case.accept',
  reject: 'case.reject',
  issueVerify: 'case.issueVerify',
  verify: 'case.verify',
  file: 'case.file',
  notFile: 'case.notFile',
  dispatch: 'case.dispatch',
  dispose: 'case.dispose',
  requestReturn: 'case.requestReturn',
  decideReturn: 'case.decideReturn',
  requestExtension: 'case.requestExtension',
  decideExtension: 'case.decideExtension',
  requestSuspension: 'case.requestSuspension',
  decideSuspension: 'case.decideSuspension',
  resume: 'case.resume',
  issueCheck: 'case.issueCheck',
  check: 'case.check',
  close: 'case.close',
  supervise: 'case.supervise',
} as const satisfies Record<CaseAction, Permission>

export interface CaseActionStates {
  /** States the action may be taken in; empty for `report`, which creates the case. */
  from: readonly CaseState[]
  /** States it may move the case to; empty when it leaves the state as it is. */
  to: readonly CaseState[]
}

const OPEN_STATES = CASE_STATES.filter((s) => !isTerminalCaseState(s))

// DOMAIN.md §2.1 "Proposed state machine", action by action. Requests (回退 / 延期 / 挂账) do not
// move the case; their approval does (延期 approval only moves the deadline).
export const CASE_ACTION_STATES = {
  report: { from: [], to: ['REPORTED'] },
  accept: { from: ['REPORTED'], to: ['ACCEPTED'] },
  reject: { from: ['REPORTED'], to: ['INVALID'] },
  issueVerify: { from: ['ACCEPTED'], to: [] },
  verify: { from: ['ACCEPTED'], to: ['VERIFIED'] },
  file: { from: ['ACCEPTED', 'VERIFIED'], to: ['FILED'] },
  notFile: { from: ['ACCEPTED', 'VERIFIED'], to: ['NOT_FILED'] },
  dispatch: { from: ['FILED', 'RETURNED'], to: ['DISPATCHED'] }, // also the re-派遣 after 回退
  dispose: { from: ['DISPATCHED'], to: ['DISPOSED'] },
  requestReturn: { from: ['DISPATCHED'], to: [] },
  decideReturn: { from: ['DISPATCHED'], to: ['RETURNED'] },
  requestExtension: { from: ['DISPATCHED'], to: [] },
  decideExtension: { from: ['DISPATCHED'], to: [] },
  requestSuspension: { from: ['DISPATCHED'], to: [] },
  decideSuspension: { from: ['DISPATCHED'], to: ['SUSPENDED'] },
  resume: { from: ['SUSPENDED'], to: ['DISPATCHED'] },
  issueCheck: { from: ['DISPOSED'], to: ['CHECKING'] },
  // A pass stays in CHECKING for the shift lead's 结案; a fail is 返工 back to the department.
  check: { from: ['CHECKING'], to: ['DISPATCHED'] },
  close: { from: ['CHECKING'], to: ['CLOSED'] },
  supervise: { from: OPEN_STATES, to: [] },
} as const satisfies Record<CaseAction, CaseActionStates>

/**
 * Actions `actor` may take on a case now: the state allows it and the actor may on this case.
 * Pending-request checks (is there a return request to decide?) stay with the BFF.
 */
export function availableCaseActions(
  actor: Actor,
  c: Pick<CityCase, 'status' | 'responsibleDepartment'>,
): CaseAction[] {
  const target = caseTarget(c)
  return CASE_ACTIONS.filter((action) => {
    const { from }: CaseActionStates = CASE_ACTION_STATES[action]
    return from.includes(c.status) && can(actor, CASE_ACTION_PERMISSIONS[action], target)
  })
}
