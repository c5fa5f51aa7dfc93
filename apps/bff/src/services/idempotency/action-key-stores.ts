import type { Database } from '../../db/client'
import { caseActionKeys, incidentActionKeys } from '../../db/schema'
import { actionKeyStore } from './action-keys'

/** POST /api/cases/:id/actions */
export const CASE_ACTION_KEYS = actionKeyStore(caseActionKeys, 'caseId')

/** POST /api/incidents/:id/actions */
export const INCIDENT_ACTION_KEYS = actionKeyStore(incidentActionKeys, 'incidentId')

/** Deletes every workflow's keys stored before `olderThan`; the count removed. */
export async function pruneActionKeys(db: Database, olderThan: Date, slice?: number) {
  let removed = 0
  for (const store of [CASE_ACTION_KEYS, INCIDENT_ACTION_KEYS]) {
    removed += await store.prune(db, olderThan, slice)
  }
  return removed
}
