import { randomUUID } from 'node:crypto'
import { auditHashPayload, GENESIS_HASH, type AuditOutcome, type Role } from '@cityops/domain'
import { desc, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { auditLog } from '../db/schema'
import { sha256Hex } from '../security/tokens'

export interface AuditInput {
  actorId: string | null
  role: Role | null
  address: string | null
  action: string
  objectType: string
  objectId: string
  outcome: AuditOutcome
  before?: unknown
  after?: unknown
}

// Serialises appends so that two writers never chain onto the same predecessor.
const AUDIT_CHAIN_LOCK = 7_301_001

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the audit row
 * commits or rolls back together with the change it records.
 */
export async function appendAudit(tx: Executor, input: AuditInput, now: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`)
  const [last] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
  const entry = {
    id: randomUUID(),
    at: now.toISOString(),
    actorId: input.actorId,
    role: input.role,
    address: input.address,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    outcome: input.outcome,
    before: asStoredJson(input.before),
    after: asStoredJson(input.after),
    prevHash: last?.hash ?? GENESIS_HASH,
  }
  const hash = sha256Hex(auditHashPayload(entry))
  await tx.insert(auditLog).values({ ...entry, at: now, hash })
}

/** What jsonb will give back, so the hash can be recomputed from the stored row. */
function asStoredJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown)
}
