// Case states from DOMAIN.md §2.1 (GB/T 30428 lifecycle as run by Zhengzhou's 数字城管).
// 回退 / 延期 / 挂账 are requests with an approval step; approval moves the case as below.
export const CASE_STATES = [
  'REPORTED',
  'ACCEPTED',
  'VERIFIED',
  'INVALID',
  'NOT_FILED',
  'FILED',
  'DISPATCHED',
  'RETURNED',
  'SUSPENDED',
  'DISPOSED',
  'CHECKING',
  'CLOSED',
] as const
export type CaseState = (typeof CASE_STATES)[number]

export const CASE_STATE_LABELS = {
  REPORTED: '上报',
  ACCEPTED: '受理',
  VERIFIED: '核实',
  INVALID: '作废',
  NOT_FILED: '不予立案',
  FILED: '立案',
  DISPATCHED: '派遣',
  RETURNED: '回退',
  SUSPENDED: '挂账',
  DISPOSED: '处置反馈',
  CHECKING: '核查',
  CLOSED: '结案',
} as const satisfies Record<CaseState, string>

// DOMAIN.md §2.1 "Proposed state machine". ACCEPTED → FILED skips 核实 for inspector reports;
// CHECKING → DISPATCHED is 返工 (rework); extension (延期) keeps DISPATCHED and moves the deadline.
export const CASE_STATE_TRANSITIONS = {
  REPORTED: ['ACCEPTED', 'INVALID'],
  ACCEPTED: ['VERIFIED', 'FILED', 'NOT_FILED'],
  VERIFIED: ['FILED', 'NOT_FILED'],
  INVALID: [],
  NOT_FILED: [],
  FILED: ['DISPATCHED'],
  DISPATCHED: ['RETURNED', 'SUSPENDED', 'DISPOSED'],
  RETURNED: ['DISPATCHED'],
  SUSPENDED: ['DISPATCHED'],
  DISPOSED: ['CHECKING'],
  CHECKING: ['DISPATCHED', 'CLOSED'],
  CLOSED: [],
} as const satisfies Record<CaseState, readonly CaseState[]>

export function canTransitionCase(from: CaseState, to: CaseState): boolean {
  const allowed: readonly CaseState[] = CASE_STATE_TRANSITIONS[from]
  return allowed.includes(to)
}

export function isTerminalCaseState(state: CaseState): boolean {
  return CASE_STATE_TRANSITIONS[state].length === 0
}
