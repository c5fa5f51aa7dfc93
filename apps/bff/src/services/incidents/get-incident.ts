import type { Actor } from '@cityops/domain'
import type { Executor } from '../../db/client'
import { assertIncidentReadable, incidentDetail, readIncidentRecord } from './incident-record'

/** One incident with its assignments and the actions `actor` may take; 404 outside scope. */
export async function getIncident(db: Executor, actor: Actor, id: string) {
  const record = await readIncidentRecord(db, id)
  assertIncidentReadable(actor, record.state)
  return incidentDetail(record, actor)
}
