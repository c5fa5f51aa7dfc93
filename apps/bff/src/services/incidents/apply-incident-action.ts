import { applyIncidentAction, DomainError } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import type { Database, Executor } from '../../db/client'
import { HttpError } from '../../http/http-error'
import { INCIDENT_ACTION_KEYS } from '../idempotency/action-key-stores'
import {
  runWorkflowAction,
  type ActionEnvelope,
  type WorkflowWho,
} from '../workflow-actions/action-envelope'
import { incidentActionError } from './incident-action-errors'
import { assertIncidentReferences } from './incident-references'
import {
  assertIncidentReadable,
  incidentDetail,
  readIncidentRecord,
  toWorkflowIncident,
} from './incident-record'
import { writeIncidentAction } from './write-incident-action'

export type IncidentActionWho = WorkflowWho

export interface IncidentActionRequest {
  incidentId: string
  idempotencyKey: string
  body: unknown
}

/**
 * One incident workflow action in one transaction: row lock, version check, the domain's
 * applyIncidentAction, the write (version + 1, audit, event) and the Idempotency-Key's answer.
 */
export function applyIncidentActionRequest(
  db: Database,
  who: IncidentActionWho,
  request: IncidentActionRequest,
  now: Date,
) {
  const { incidentId } = request
  const target = {
    objectType: 'incident',
    objectId: incidentId,
    keys: INCIDENT_ACTION_KEYS,
  } as const
  return runWorkflowAction<IncidentActionResponse>(db, who, target, request, now, (tx, envelope) =>
    inTransaction(tx, who, incidentId, envelope, now),
  )
}

// The stored and returned answer: the incident, its assignments and what the actor may do.
const answerOf = (written: Awaited<ReturnType<typeof writeIncidentAction>>) => ({
  incident: written.incident,
  assignments: written.assignments,
  allowedActions: written.allowedActions,
  seq: written.seq,
})

export type IncidentActionResponse = ReturnType<typeof answerOf>

async function inTransaction(
  tx: Executor,
  who: IncidentActionWho,
  incidentId: string,
  envelope: ActionEnvelope<IncidentActionResponse>,
  now: Date,
): Promise<IncidentActionResponse> {
  const replay = await envelope.replayed(tx)
  if (replay) return replay
  const before = await readIncidentRecord(tx, incidentId, { forUpdate: true })
  assertIncidentReadable(who.actor, before.state)
  // a twin with the same key may have committed while this one waited for the row lock
  const twin = await envelope.replayed(tx)
  if (twin) return twin
  if (before.state.version !== envelope.expectedVersion) {
    throw new HttpError(
      409,
      `事件已被修改（当前版本 ${before.state.version}）/ The incident changed meanwhile (now version ${before.state.version}); reload and retry.`,
      { code: 'STALE_VERSION', ...incidentDetail(before, who.actor) },
    )
  }
  const result = applyIncidentAction(
    toWorkflowIncident(before),
    { ...envelope.fields, type: envelope.action },
    who.actor,
    { now: now.toISOString(), newAssignmentId: randomUUID() },
  )
  if (result instanceof DomainError) throw incidentActionError(result, before, who.actor)
  await assertIncidentReferences(tx, result)
  const response = answerOf(await writeIncidentAction(tx, who, before, result, now))
  await envelope.remember(tx, response, now)
  return response
}
