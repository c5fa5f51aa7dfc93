import { allowedActions, type Actor, type CaseSlaConfig } from '@cityops/domain'
import type { Database } from '../../db/client'
import { withQueueFields } from '../cases/case-sla-view'
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
  const [withExtra] = await withQueueFields(db, [record], sla, now)
  if (!withExtra) throw new Error('withQueueFields returns one entry per row')
  return {
    case: { ...caseDetail(record), ...withExtra.extra },
    allowedActions: allowedActions(toWorkflowCase(record), actor),
  }
}
