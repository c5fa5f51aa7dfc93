import { createHash } from 'node:crypto'
import type { Executor } from '../../db/client'
import { HttpError } from '../../http/http-error'

// The Idempotency-Key mechanism of every workflow action endpoint (cases, incidents): the
// answer is stored with the request's hash in the action's own transaction (DOMAIN.md
// "Delivery, consistency": key, user, request hash, response).

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The hash of one request: the addressed object (e.g. `{ caseId }`) and the body. */
export const hashRequest = (object: Record<string, string>, body: unknown) =>
  createHash('sha256')
    .update(canonical({ ...object, body }))
    .digest('hex')

export interface KeyRef {
  userId: string
  key: string
  hash: string
}

/** Where one endpoint keeps its keys: a table keyed by (user, key). */
export interface KeyStore {
  find(tx: Executor, ref: KeyRef): Promise<{ requestHash: string; response: unknown } | undefined>
  /** Inserts unless the (user, key) row exists; false when it did. */
  insert(
    tx: Executor,
    ref: KeyRef,
    objectId: string,
    response: unknown,
    now: Date,
  ): Promise<boolean>
}

/** The stored answer for this user's key, or null; the same key with another body is 422. */
export async function findStoredResponse(
  tx: Executor,
  store: KeyStore,
  ref: KeyRef,
): Promise<unknown> {
  const row = await store.find(tx, ref)
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
export async function storeResponse(
  tx: Executor,
  store: KeyStore,
  ref: KeyRef,
  objectId: string,
  response: unknown,
  now: Date,
) {
  if (!(await store.insert(tx, ref, objectId, response, now))) {
    throw new HttpError(
      409,
      '同一 Idempotency-Key 的请求正在处理，请稍后重试 / A request with this Idempotency-Key is in progress; retry shortly.',
      { code: 'IDEMPOTENCY_KEY_BUSY' },
    )
  }
}

/** Reads the Idempotency-Key header: required, at most 200 characters (400 otherwise). */
export function idempotencyKeyOf(header: string | undefined): string {
  const key = header?.trim()
  if (!key || key.length > 200) {
    throw new HttpError(
      400,
      '请提供 Idempotency-Key 请求头（至多 200 字符）/ Send an Idempotency-Key header (at most 200 characters).',
    )
  }
  return key
}
