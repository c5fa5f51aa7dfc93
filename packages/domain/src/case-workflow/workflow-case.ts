import type { CaseState } from '../city-case'
import type { SupervisionLevel } from './case-commands'

export const CASE_REQUEST_KINDS = ['return', 'extension', 'suspension'] as const // 回退 / 延期 / 挂账
export type CaseRequestKind = (typeof CASE_REQUEST_KINDS)[number]

/** A department's open request; at most one at a time, decided by the dispatcher (or shift lead). */
export interface PendingCaseRequest {
  kind: CaseRequestKind
  reason: string
  until: string | null // extension only: the deadline asked for
  requestedBy: string
  requestedAt: string
}

/**
 * The fields the workflow reads and writes: a slice of the stored case plus its workflow
 * bookkeeping. `channel` 'inspector' (the 城管通 handheld) skips 核实 (DOMAIN.md §2.1).
 */
export interface WorkflowCase {
  id: string
  status: CaseState
  channel: string
  categoryCode: string | null
  gridCode: string | null
  responsibleDepartment: string | null
  deadline: string | null // 处置时限 (ISO); set at 立案, moved by 延期 / 挂账 / re-派遣 per policy
  pending: PendingCaseRequest | null
  duplicateOf: string | null
  outcomeReason: string | null // why INVALID / NOT_FILED
  checkInspector: string | null
  isCheckPassed: boolean
  suspendedAt: string | null
  evidenceIds: readonly string[]
  dispatchCount: number
  returnCount: number
  extensionCount: number
  reworkCount: number // 返工: failed 核查, counted against the department (DOMAIN.md §2.1 rule 5)
  supervision: { level: SupervisionLevel; count: number } | null
  version: number
  updatedAt: string
}

/** A freshly reported case (REPORTED, version 1). */
export function newWorkflowCase(input: {
  id: string
  channel: string
  reportedAt: string
  categoryCode?: string | null
  gridCode?: string | null
}): WorkflowCase {
  return {
    id: input.id,
    status: 'REPORTED',
    channel: input.channel,
    categoryCode: input.categoryCode ?? null,
    gridCode: input.gridCode ?? null,
    responsibleDepartment: null,
    deadline: null,
    pending: null,
    duplicateOf: null,
    outcomeReason: null,
    checkInspector: null,
    isCheckPassed: false,
    suspendedAt: null,
    evidenceIds: [],
    dispatchCount: 0,
    returnCount: 0,
    extensionCount: 0,
    reworkCount: 0,
    supervision: null,
    version: 1,
    updatedAt: input.reportedAt,
  }
}
