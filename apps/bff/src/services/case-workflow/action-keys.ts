import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { caseActionKeys } from '../../db/schema'
import {
  findStoredResponse,
  hashRequest,
  storeResponse,
  type KeyRef,
  type KeyStore,
} from '../idempotency/action-keys'

export type { KeyRef }

const CASE_KEYS: KeyStore = {
  async find(tx, ref) {
    const [row] = await tx
      .select({ requestHash: caseActionKeys.requestHash, response: caseActionKeys.response })
      .from(caseActionKeys)
      .where(and(eq(caseActionKeys.userId, ref.userId), eq(caseActionKeys.key, ref.key)))
    return row
  },
  async insert(tx, ref, caseId, response, now) {
    const inserted = await tx
      .insert(caseActionKeys)
      .values({
        userId: ref.userId,
        key: ref.key,
        caseId,
        requestHash: ref.hash,
        response,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ key: caseActionKeys.key })
    return inserted.length > 0
  },
}

export const requestHash = (caseId: string, body: unknown) => hashRequest({ caseId }, body)

/** The stored answer for this user's key, or null; the same key with another body is 422. */
export const findKeyedResponse = (tx: Executor, ref: KeyRef) =>
  findStoredResponse(tx, CASE_KEYS, ref)

/** Records the answer in the action's transaction; a twin that got there first is a conflict. */
export const storeKeyedResponse = (
  tx: Executor,
  ref: KeyRef,
  caseId: string,
  response: unknown,
  now: Date,
) => storeResponse(tx, CASE_KEYS, ref, caseId, response, now)
