import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { caseActionKeys } from '../../db/schema'
import { HttpError } from '../../http/http-error'

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export const requestHash = (caseId: string, body: unknown) =>
  createHash('sha256').update(canonical({ caseId, body })).digest('hex')

export interface KeyRef {
  userId: string
  key: string
  hash: string
}

/** The stored answer for this user's key, or null; the same key with another body is 422. */
export async function findKeyedResponse(tx: Executor, ref: KeyRef): Promise<unknown> {
  const [row] = await tx
    .select({ requestHash: caseActionKeys.requestHash, response: caseActionKeys.response })
    .from(caseActionKeys)
    .where(and(eq(caseActionKeys.userId, ref.userId), eq(caseActionKeys.key, ref.key)))
  if (!row) return null
  if (row.requestHash !== ref.hash) {
    throw new HttpError(
      422,
      '该 Idempotency-Key 已用于另一个请求 / This Idempotency-Key was used for a different request.',
      { code: 'IDEMPOTENCY_KEY_REUSED' },
    )
  }
  return row.response
}

/** Records the answer in the action's transaction; a twin that got there first is a conflict. */
export async function storeKeyedResponse(
  tx: Executor,
  ref: KeyRef,
  caseId: string,
  response: unknown,
  now: Date,
) {
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
  if (inserted.length === 0) {
    throw new HttpError(
      409,
      '同一 Idempotency-Key 的请求正在处理，请稍后重试 / A request with this Idempotency-Key is in progress; retry shortly.',
      { code: 'IDEMPOTENCY_KEY_BUSY' },
    )
  }
}
