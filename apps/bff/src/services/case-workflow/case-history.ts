import type { CaseActionResult } from '@cityops/domain'
import type { Executor } from '../../db/client'
import { caseActions } from '../../db/schema'
import type { CaseRecord } from './case-record'

/**
 * Appends the applied action to the case history (case_actions), in the action's transaction:
 * the KPIs, the 30-day handling times and the 督办 note are read from here.
 */
export async function recordCaseHistory(
  tx: Executor,
  before: CaseRecord,
  after: CaseRecord,
  { audit }: CaseActionResult,
  now: Date,
) {
  const { type: _type, ...detail } = audit.command
  await tx.insert(caseActions).values({
    caseId: before.id,
    version: after.version,
    action: audit.action,
    at: now,
    actorId: audit.actorId,
    actorRole: audit.actorRole,
    statusBefore: before.status,
    statusAfter: after.status,
    departmentBefore: before.responsibleDepartment,
    departmentAfter: after.responsibleDepartment,
    deadlineAfter: after.deadline,
    detail,
  })
}
