import { applyIncidentAction, DomainError, type Actor } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { describeIssues, HttpError, issueList } from '../../http/http-error'
import { actorAudit } from '../actor-audit'
import { INCIDENT_ACTION_KEYS } from '../idempotency/action-key-stores'
import type { KeyRef } from '../idempotency/action-keys'
import { incidentActionError } from './incident-action-errors'
import { assertIncidentReferences } from './incident-references'
import {
  assertIncidentReadable,
  incidentDetail,
  readIncidentRecord,
  toWorkflowIncident,
} from './incident-record'
import { writeIncidentAction } from './write-incident-action'

type UserActor = Extract<Actor, { kind: 'user' }>
export type IncidentActionWho = { actor: UserActor; address: string | null }

/** The envelope of POST /api/incidents/:id/actions; the action's fields are the domain's. */
export const IncidentActionBody = z.looseObject({
  action: z.string({ error: '请指定操作 / Name the action' }).min(1),
  expectedVersion: z
    .number({ error: '请提供 expectedVersion / Give the version you saw' })
    .int()
    .min(1),
})

export interface IncidentActionRequest {
  incidentId: string
  idempotencyKey: string
  body: unknown
}

/**
 * One incident workflow action in one transaction: row lock, version check, the domain's
 * applyIncidentAction, the write (version + 1, audit, event) and the Idempotency-Key's answer.
 */
export async function applyIncidentActionRequest(
  db: Database,
  who: IncidentActionWho,
  request: IncidentActionRequest,
  now: Date,
) {
  const parsed = IncidentActionBody.safeParse(request.body)
  if (!parsed.success) {
    throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
  }
  const { action, expectedVersion, ...fields } = parsed.data
  const ref = INCIDENT_ACTION_KEYS.refOf(
    who.actor.userId,
    request.idempotencyKey,
    request.incidentId,
    request.body,
  )
  try {
    return await db.transaction((tx) =>
      inTransaction(tx, who, request.incidentId, { action, expectedVersion, fields, ref }, now),
    )
  } catch (error) {
    if (error instanceof HttpError && error.details.code === 'ACTION_FORBIDDEN') {
      await recordDenial(db, who, request.incidentId, action, now)
    }
    throw error
  }
}

export type IncidentActionResponse = Awaited<ReturnType<typeof inTransaction>>

async function inTransaction(
  tx: Executor,
  who: IncidentActionWho,
  incidentId: string,
  parsed: { action: string; expectedVersion: number; fields: Record<string, unknown>; ref: KeyRef },
  now: Date,
) {
  type Answer = Awaited<ReturnType<typeof answerOf>>
  const replay = await INCIDENT_ACTION_KEYS.find(tx, parsed.ref)
  if (replay) return replay as Answer
  const before = await readIncidentRecord(tx, incidentId, { forUpdate: true })
  assertIncidentReadable(who.actor, before.state)
  // a twin with the same key may have committed while this one waited for the row lock
  const twin = await INCIDENT_ACTION_KEYS.find(tx, parsed.ref)
  if (twin) return twin as Answer
  if (before.state.version !== parsed.expectedVersion) {
    throw new HttpError(
      409,
      `事件已被修改（当前版本 ${before.state.version}）/ The incident changed meanwhile (now version ${before.state.version}); reload and retry.`,
      { code: 'STALE_VERSION', ...incidentDetail(before, who.actor) },
    )
  }
  const result = applyIncidentAction(
    toWorkflowIncident(before),
    { ...parsed.fields, type: parsed.action },
    who.actor,
    { now: now.toISOString(), newAssignmentId: randomUUID() },
  )
  if (result instanceof DomainError) throw incidentActionError(result, before, who.actor)
  await assertIncidentReferences(tx, result)
  const response = answerOf(await writeIncidentAction(tx, who, before, result, now))
  await INCIDENT_ACTION_KEYS.store(tx, parsed.ref, incidentId, response, now)
  return response
}

// The stored and returned answer: the incident, its assignments and what the actor may do.
const answerOf = (written: Awaited<ReturnType<typeof writeIncidentAction>>) => ({
  incident: written.incident,
  assignments: written.assignments,
  allowedActions: written.allowedActions,
  seq: written.seq,
})

// Denials are audited (every permission denial), after the action's transaction rolled back.
async function recordDenial(
  db: Database,
  who: IncidentActionWho,
  incidentId: string,
  action: string,
  now: Date,
) {
  await appendAudit(
    db,
    {
      ...actorAudit(who.actor, who.address),
      action: 'permission.denied',
      objectType: 'incident',
      objectId: incidentId,
      outcome: 'denied',
      after: { action },
    },
    now,
  )
}
