import { can, caseTarget, DomainError, type Actor, type WorkflowCase } from '@cityops/domain'
import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { cityCases } from '../../db/schema'
import { beijingIso, beijingIsoOrNull } from '../cases/case-time'
import { caseColumns, caseView, type CaseRow } from '../cases/case-view'

/** The case columns plus the workflow's bookkeeping (migration 0008). */
const recordColumns = {
  ...caseColumns,
  pending: cityCases.pending,
  duplicateOf: cityCases.duplicateOf,
  outcomeReason: cityCases.outcomeReason,
  checkInspector: cityCases.checkInspector,
  isCheckPassed: cityCases.isCheckPassed,
  suspendedAt: cityCases.suspendedAt,
  evidenceIds: cityCases.evidenceIds,
  dispatchCount: cityCases.dispatchCount,
  returnCount: cityCases.returnCount,
  extensionCount: cityCases.extensionCount,
  reworkCount: cityCases.reworkCount,
  supervisionLevel: cityCases.supervisionLevel,
  supervisionCount: cityCases.supervisionCount,
}

export type CaseRecord = CaseRow & {
  pending: WorkflowCase['pending']
  duplicateOf: string | null
  outcomeReason: string | null
  checkInspector: string | null
  isCheckPassed: boolean
  suspendedAt: Date | null
  evidenceIds: string[]
  dispatchCount: number
  returnCount: number
  extensionCount: number
  reworkCount: number
  supervisionLevel: NonNullable<WorkflowCase['supervision']>['level'] | null
  supervisionCount: number
}

/** Reads one case (row-locked with `forUpdate`, for a change in this transaction). */
export async function readCaseRecord(
  tx: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRecord> {
  const query = tx.select(recordColumns).from(cityCases).where(eq(cityCases.id, id))
  const [row] = options.forUpdate ? await query.for('update') : await query
  if (!row) throw new DomainError('NOT_FOUND', `没有案件 ${id} / There is no case ${id}.`)
  return row
}

/** The slice the domain workflow reads (times as +08:00 ISO). */
export function toWorkflowCase(r: CaseRecord): WorkflowCase {
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    categoryCode: r.categoryCode,
    gridCode: r.gridCode,
    responsibleDepartment: r.responsibleDepartment,
    deadline: beijingIsoOrNull(r.deadline),
    pending: r.pending,
    duplicateOf: r.duplicateOf,
    outcomeReason: r.outcomeReason,
    checkInspector: r.checkInspector,
    isCheckPassed: r.isCheckPassed,
    suspendedAt: beijingIsoOrNull(r.suspendedAt),
    evidenceIds: r.evidenceIds,
    dispatchCount: r.dispatchCount,
    returnCount: r.returnCount,
    extensionCount: r.extensionCount,
    reworkCount: r.reworkCount,
    supervision: r.supervisionLevel
      ? { level: r.supervisionLevel, count: r.supervisionCount }
      : null,
    version: r.version,
    updatedAt: beijingIso(r.updatedAt),
  }
}

const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso))

/** The columns an applied action writes (everything the workflow may change). */
export function workflowColumns(next: WorkflowCase, now: Date) {
  return {
    status: next.status,
    categoryCode: next.categoryCode ?? undefined,
    gridCode: next.gridCode,
    responsibleDepartment: next.responsibleDepartment,
    deadline: dateOrNull(next.deadline),
    pending: next.pending,
    duplicateOf: next.duplicateOf,
    outcomeReason: next.outcomeReason,
    checkInspector: next.checkInspector,
    isCheckPassed: next.isCheckPassed,
    suspendedAt: dateOrNull(next.suspendedAt),
    evidenceIds: [...next.evidenceIds],
    dispatchCount: next.dispatchCount,
    returnCount: next.returnCount,
    extensionCount: next.extensionCount,
    reworkCount: next.reworkCount,
    supervisionLevel: next.supervision?.level ?? null,
    supervisionCount: next.supervision?.count ?? 0,
    updatedAt: now,
  }
}

/** A case as the detail endpoint, the action answers and their events show it. */
export function caseDetail(r: CaseRecord) {
  const w = toWorkflowCase(r)
  return {
    ...caseView(r),
    workflow: {
      pending: w.pending,
      duplicateOf: w.duplicateOf,
      outcomeReason: w.outcomeReason,
      checkInspector: w.checkInspector,
      isCheckPassed: w.isCheckPassed,
      suspendedAt: w.suspendedAt,
      evidenceIds: w.evidenceIds,
      dispatchCount: w.dispatchCount,
      returnCount: w.returnCount,
      extensionCount: w.extensionCount,
      reworkCount: w.reworkCount,
      supervision: w.supervision,
    },
  }
}
export type CaseDetail = ReturnType<typeof caseDetail>

/** A case outside the reader's departments does not exist for them (ids must not leak). */
export function assertReadable(actor: Actor, c: CaseRecord) {
  if (!can(actor, 'case.read', caseTarget(c))) {
    throw new DomainError('NOT_FOUND', `没有案件 ${c.id} / There is no case ${c.id}.`)
  }
}
