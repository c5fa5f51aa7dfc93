import type { Actor } from '@cityops/domain'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor, Tx } from '../../db/client'
import { describeIssues, HttpError, issueList } from '../../http/http-error'
import { actorAudit } from '../actor-audit'
import type { ActionKeyStore, KeyRef } from '../idempotency/action-keys'

// What every workflow action endpoint shares (POST /api/cases/:id/actions and
// /api/incidents/:id/actions, docs/WORKFLOWS.md): the envelope, the Idempotency-Key and the
// audit of a refusal. The workflow's own rules run inside `apply`.

/** The envelope of a workflow action; the action's own fields are checked by the domain. */
export const WorkflowActionBody = z.looseObject({
  action: z.string({ error: '请指定操作 / Name the action' }).min(1),
  expectedVersion: z
    .number({ error: '请提供 expectedVersion / Give the version you saw' })
    .int()
    .min(1),
})

/** A person acting (never an API key) and where from. */
export type WorkflowWho = { actor: Extract<Actor, { kind: 'user' }>; address: string | null }

/** The object acted on and where its workflow keeps its Idempotency-Keys. */
export interface WorkflowTarget {
  objectType: 'case' | 'incident'
  objectId: string
  keys: ActionKeyStore
}

/** One parsed action and its key; `R` is the endpoint's answer. */
export interface ActionEnvelope<R> {
  action: string
  expectedVersion: number
  fields: Record<string, unknown>
  /** The answer stored for this key (a retry), or null; 422 when the key came with another body. */
  replayed(tx: Executor): Promise<R | null>
  /** Stores the answer in the action's transaction; 409 when a twin with the key stored first. */
  remember(tx: Executor, response: R, now: Date): Promise<void>
}

/**
 * Parses the envelope (400), runs `apply` in one transaction, and audits a permission
 * denial after that transaction rolled back (every permission denial is audited).
 */
export async function runWorkflowAction<R>(
  db: Database,
  who: WorkflowWho,
  target: WorkflowTarget,
  request: { idempotencyKey: string; body: unknown },
  now: Date,
  apply: (tx: Tx, envelope: ActionEnvelope<R>) => Promise<R>,
): Promise<R> {
  const parsed = WorkflowActionBody.safeParse(request.body)
  if (!parsed.success) {
    throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
  }
  const { action, expectedVersion, ...fields } = parsed.data
  const { keys, objectId } = target
  const ref = keys.refOf(who.actor.userId, request.idempotencyKey, objectId, request.body)
  const envelope: ActionEnvelope<R> = {
    action,
    expectedVersion,
    fields,
    replayed: (tx) => storedAnswer<R>(keys, tx, ref),
    remember: (tx, response, at) => keys.store(tx, ref, objectId, response, at),
  }
  try {
    return await db.transaction((tx) => apply(tx, envelope))
  } catch (error) {
    if (error instanceof HttpError && error.details.code === 'ACTION_FORBIDDEN') {
      await recordDenial(db, who, target, action, now)
    }
    throw error
  }
}

// The only answers stored under a workflow's keys are that workflow's own (`remember`), so
// what comes back is an R, as JSON.
const storedAnswer = async <R>(keys: ActionKeyStore, tx: Executor, ref: KeyRef) =>
  ((await keys.find(tx, ref)) as R | null) || null

async function recordDenial(
  db: Database,
  who: WorkflowWho,
  { objectType, objectId }: WorkflowTarget,
  action: string,
  now: Date,
) {
  await appendAudit(
    db,
    {
      ...actorAudit(who.actor, who.address),
      action: 'permission.denied',
      objectType,
      objectId,
      outcome: 'denied',
      after: { action },
    },
    now,
  )
}
