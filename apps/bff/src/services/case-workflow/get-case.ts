import { allowedActions, type Actor } from '@cityops/domain'
import type { Database } from '../../db/client'
import { assertReadable, caseDetail, readCaseRecord, toWorkflowCase } from './case-record'

/** One case with its workflow fields and the actions `actor` may take now; 404 outside scope. */
export async function getCase(db: Database, actor: Actor, id: string) {
  const record = await readCaseRecord(db, id)
  assertReadable(actor, record)
  return { case: caseDetail(record), allowedActions: allowedActions(toWorkflowCase(record), actor) }
}
