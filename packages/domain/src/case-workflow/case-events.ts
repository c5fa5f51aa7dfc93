import type { CaseCommandType } from './case-commands'

// Live events are named `entity.verbPastTense` (LiveEventType); commands are imperative. One
// table maps each workflow action to the event it leaves in the log, and back for readers.
export const CASE_EVENT_TYPES = {
  accept: 'case.accepted',
  invalidate: 'case.invalidated',
  verify: 'case.verified',
  file: 'case.filed',
  notFile: 'case.notFiled',
  dispatch: 'case.dispatched',
  requestReturn: 'case.returnRequested',
  approveReturn: 'case.returnApproved',
  rejectReturn: 'case.returnRejected',
  requestExtension: 'case.extensionRequested',
  approveExtension: 'case.extensionApproved',
  rejectExtension: 'case.extensionRejected',
  requestSuspension: 'case.suspensionRequested',
  approveSuspension: 'case.suspensionApproved',
  rejectSuspension: 'case.suspensionRejected',
  resume: 'case.resumed',
  dispose: 'case.disposed',
  assignCheck: 'case.checkAssigned',
  checkPass: 'case.checkPassed',
  checkFail: 'case.checkFailed',
  close: 'case.closed',
  supervise: 'case.supervised',
} as const satisfies Record<CaseCommandType, `case.${string}ed`>

export type CaseEventType = (typeof CASE_EVENT_TYPES)[CaseCommandType]

/** The workflow action behind a case event type, or null for other events (reported, evidence…). */
export function caseCommandOfEvent(type: string): CaseCommandType | null {
  const found = Object.entries(CASE_EVENT_TYPES).find(([, t]) => t === type)
  return found ? (found[0] as CaseCommandType) : null
}
