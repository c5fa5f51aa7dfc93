import { CASE_STATES, isTerminalCaseState } from '../city-case'
import type { CaseState } from '../city-case'
import type { CaseAction } from '../access'
import type { CaseCommandType } from './case-commands'
import type { CaseRequestKind, WorkflowCase } from './workflow-case'

export interface WorkflowRule {
  /** States the action may be taken in. */
  from: readonly CaseState[]
  /** The state it moves the case to; null = stays. */
  to: CaseState | null
  /** The identity-policy action (access/case-actions) whose permission it needs. */
  permission: CaseAction
  /** Extra preconditions on the case beyond its state. */
  when?: (c: WorkflowCase) => boolean
}

const OPEN_STATES = CASE_STATES.filter((s) => !isTerminalCaseState(s))
const isInspectorReport = (c: WorkflowCase) => c.channel === 'inspector'
// Public reports are 核实'd on site before the 立案 decision; inspector reports skip it.
const isReadyToFile = (c: WorkflowCase) => c.status === 'VERIFIED' || isInspectorReport(c)
const hasNoPending = (c: WorkflowCase) => c.pending === null
const pendingIs = (kind: CaseRequestKind) => (c: WorkflowCase) => c.pending?.kind === kind

// DOMAIN.md §2.1 state machine, action by action. Every move is in CASE_STATE_TRANSITIONS
// (checked in the tests). 回退 approval goes to RETURNED, from which 派遣 re-dispatches.
export const CASE_WORKFLOW_RULES = {
  accept: { from: ['REPORTED'], to: 'ACCEPTED', permission: 'accept' },
  invalidate: { from: ['REPORTED'], to: 'INVALID', permission: 'reject' },
  verify: {
    from: ['ACCEPTED'],
    to: 'VERIFIED',
    permission: 'verify',
    when: (c) => !isInspectorReport(c),
  },
  file: { from: ['ACCEPTED', 'VERIFIED'], to: 'FILED', permission: 'file', when: isReadyToFile },
  notFile: {
    from: ['ACCEPTED', 'VERIFIED'],
    to: 'NOT_FILED',
    permission: 'notFile',
    when: isReadyToFile,
  },
  dispatch: { from: ['FILED', 'RETURNED'], to: 'DISPATCHED', permission: 'dispatch' },
  requestReturn: {
    from: ['DISPATCHED'],
    to: null,
    permission: 'requestReturn',
    when: hasNoPending,
  },
  approveReturn: {
    from: ['DISPATCHED'],
    to: 'RETURNED',
    permission: 'decideReturn',
    when: pendingIs('return'),
  },
  rejectReturn: {
    from: ['DISPATCHED'],
    to: null,
    permission: 'decideReturn',
    when: pendingIs('return'),
  },
  requestExtension: {
    from: ['DISPATCHED'],
    to: null,
    permission: 'requestExtension',
    when: hasNoPending,
  },
  approveExtension: {
    from: ['DISPATCHED'],
    to: null,
    permission: 'decideExtension',
    when: pendingIs('extension'),
  },
  rejectExtension: {
    from: ['DISPATCHED'],
    to: null,
    permission: 'decideExtension',
    when: pendingIs('extension'),
  },
  requestSuspension: {
    from: ['DISPATCHED'],
    to: null,
    permission: 'requestSuspension',
    when: hasNoPending,
  },
  approveSuspension: {
    from: ['DISPATCHED'],
    to: 'SUSPENDED',
    permission: 'decideSuspension',
    when: pendingIs('suspension'),
  },
  rejectSuspension: {
    from: ['DISPATCHED'],
    to: null,
    permission: 'decideSuspension',
    when: pendingIs('suspension'),
  },
  resume: { from: ['SUSPENDED'], to: 'DISPATCHED', permission: 'resume' },
  // A decision on an open request comes first, so the record never shows both.
  dispose: { from: ['DISPATCHED'], to: 'DISPOSED', permission: 'dispose', when: hasNoPending },
  assignCheck: { from: ['DISPOSED'], to: 'CHECKING', permission: 'issueCheck' },
  checkPass: { from: ['CHECKING'], to: null, permission: 'check', when: (c) => !c.isCheckPassed },
  checkFail: {
    from: ['CHECKING'],
    to: 'DISPATCHED',
    permission: 'check',
    when: (c) => !c.isCheckPassed,
  },
  close: { from: ['CHECKING'], to: 'CLOSED', permission: 'close', when: (c) => c.isCheckPassed },
  supervise: { from: OPEN_STATES, to: null, permission: 'supervise' },
} as const satisfies Record<CaseCommandType, WorkflowRule>
