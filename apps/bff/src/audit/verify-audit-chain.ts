import { auditHashPayload, GENESIS_HASH } from '@cityops/domain'
import { asc, gt } from 'drizzle-orm'
import type { Database } from '../db/client'
import { auditLog } from '../db/schema'
import { sha256Hex } from '../security/tokens'

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: number; id: string; problem: 'hashMismatch' | 'brokenLink' }

const PAGE = 1000

/** Recomputes every hash in chain order; names the first row that was altered or removed. */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH
  let checked = 0
  let after = 0
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE)
    for (const row of rows) {
      const base = { seq: row.seq, id: row.id, checked }
      if (row.prevHash !== expectedPrev) return { ok: false, ...base, problem: 'brokenLink' }
      const payload = auditHashPayload(asEntry(row))
      if (sha256Hex(payload) !== row.hash) return { ok: false, ...base, problem: 'hashMismatch' }
      expectedPrev = row.hash
      checked++
    }
    if (rows.length < PAGE) return { ok: true, checked }
    after = rows.at(-1)?.seq ?? after
  }
}

// The columns are plain text; the hash covers them as stored, whatever a tamperer wrote.
type StoredRow = typeof auditLog.$inferSelect
const asEntry = (row: StoredRow) =>
  ({ ...row, at: row.at.toISOString() }) as unknown as Parameters<typeof auditHashPayload>[0]
