import { and, eq, lt, sql } from 'drizzle-orm'
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core'
import { createHash } from 'node:crypto'
import type { Database, Executor } from '../../db/client'
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

/** The columns every action-key table has, keyed by (user, key); only the subject column differs. */
export type ActionKeyTable = PgTable &
  Record<'userId' | 'key' | 'requestHash' | 'response' | 'createdAt', PgColumn>

/** One endpoint's keys: a table keyed by (user, key) with the addressed object's id. */
export interface ActionKeyStore {
  /** The reference of one request: the hash covers the addressed object and the body. */
  refOf(userId: string, key: string, objectId: string, body: unknown): KeyRef
  /** The stored answer for this user's key, or null; the same key with another body is 422. */
  find(tx: Executor, ref: KeyRef): Promise<unknown>
  /** Records the answer in the action's transaction; a twin that got there first is a conflict. */
  store(tx: Executor, ref: KeyRef, objectId: string, response: unknown, now: Date): Promise<void>
  /** Deletes keys stored before `olderThan`, `slice` rows per statement; the count removed. */
  prune(db: Database, olderThan: Date, slice?: number): Promise<number>
}

/**
 * The store over `table`, whose `subject` column holds the addressed object's id. `subject`
 * is also the object's name in the request hash (`{ caseId }`, `{ incidentId }`), so keys
 * stored before this factory existed still match their replays.
 */
export function actionKeyStore<T extends ActionKeyTable>(
  table: T,
  subject: Exclude<keyof T['$inferInsert'], keyof ActionKeyTable> & string,
): ActionKeyStore {
  return {
    refOf: (userId, key, objectId, body) => ({
      userId,
      key,
      hash: hashRequest({ [subject]: objectId }, body),
    }),
    async find(tx, ref) {
      const [row] = await tx
        .select({ requestHash: table.requestHash, response: table.response })
        .from(table as PgTable) // widened: drizzle's from() cannot check a generic table
        .where(and(eq(table.userId, ref.userId), eq(table.key, ref.key)))
      if (!row) return null
      if (row.requestHash !== ref.hash) {
        throw new HttpError(
          422,
          '该 Idempotency-Key 已用于另一个请求 / This Idempotency-Key was used for a different request.',
          { code: 'IDEMPOTENCY_KEY_REUSED' },
        )
      }
      return row.response
    },
    async store(tx, ref, objectId, response, now) {
      const row = {
        userId: ref.userId,
        key: ref.key,
        [subject]: objectId,
        requestHash: ref.hash,
        response,
        createdAt: now,
      }
      const inserted = await tx
        .insert(table)
        .values(insertRow(table, row))
        .onConflictDoNothing()
        .returning({ key: table.key })
      if (inserted.length === 0) {
        throw new HttpError(
          409,
          '同一 Idempotency-Key 的请求正在处理，请稍后重试 / A request with this Idempotency-Key is in progress; retry shortly.',
          { code: 'IDEMPOTENCY_KEY_BUSY' },
        )
      }
    },
    prune: (db, olderThan, slice) => pruneKeys(db, table, olderThan, slice),
  }
}

// The row names every column of ActionKeyTable plus `subject`, which the caller took from
// the table's own insert type: that is the whole of what the generic cannot see.
const insertRow = <T extends ActionKeyTable>(_table: T, row: Record<string, unknown>) =>
  row as PgInsertValue<T>

// In slices, like the event log (live/prune-events.ts), so a backlog never holds one long
// transaction; smaller ones, as every row carries a whole response.
async function pruneKeys(db: Database, table: ActionKeyTable, olderThan: Date, slice = 10_000) {
  let removed = 0
  for (;;) {
    const oldest = db
      .select({ userId: table.userId, key: table.key })
      .from(table)
      .where(lt(table.createdAt, olderThan))
      .orderBy(table.createdAt)
      .limit(slice)
    const gone = await db
      .delete(table)
      .where(sql`(${table.userId}, ${table.key}) in (${oldest})`)
      .returning({ key: table.key })
    removed += gone.length
    if (gone.length < slice) return removed
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
