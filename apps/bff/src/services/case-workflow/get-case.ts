import { allowedActions, type Actor, type CaseSlaConfig } from '@cityops/domain'
import type { Database } from '../../db/client'
import { queueFields, type CaseQueueFields } from '../cases/case-sla-view'
import { assertReadable, caseDetail, readCaseRecord, toWorkflowCase } from './case-record'

/**
 * One case with its workflow fields, its SLA clock and 督办 (as in the queue) and the actions
 * `actor` may take now; 404 outside scope.
 */
export async function getCase(
  db: Database,
  actor: Actor,
  id: string,
  sla: CaseSlaConfig,
  now: Date,
) {
  const record = await readCaseRecord(db, id)
  assertReadable(actor, record)
  const [extra] = await queueFields(db, [record], sla, now)
  return {
    case: { ...caseDetail(record), ...(extra as CaseQueueFields) },
    allowedActions: allowedActions(toWorkflowCase(record), actor),
  }
}
