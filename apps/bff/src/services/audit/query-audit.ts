import { AUDIT_OUTCOMES } from '@cityops/domain'
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../../db/client'
import { auditLog, users } from '../../db/schema'

export const AuditFilter = z.object({
  from: z.iso
    .datetime({ offset: true, error: 'from 必须是 ISO 时间 / from must be an ISO date-time' })
    .optional(),
  to: z.iso
    .datetime({ offset: true, error: 'to 必须是 ISO 时间 / to must be an ISO date-time' })
    .optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  objectType: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
})
export type AuditFilter = z.infer<typeof AuditFilter>

/** Newest first, paged by `seq` (`before`), joined with the actor's current username. */
export async function queryAudit(db: Executor, filter: AuditFilter, maxRows = filter.limit) {
  const where: (SQL | undefined)[] = [
    filter.from ? gte(auditLog.at, new Date(filter.from)) : undefined,
    filter.to ? lte(auditLog.at, new Date(filter.to)) : undefined,
    filter.actor ? eq(auditLog.actorId, filter.actor) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.outcome ? eq(auditLog.outcome, filter.outcome) : undefined,
    filter.objectType ? eq(auditLog.objectType, filter.objectType) : undefined,
    filter.before ? lt(auditLog.seq, filter.before) : undefined,
  ]
  const rows = await db
    .select({ entry: auditLog, actorName: users.username })
    .from(auditLog)
    // actor_id is text: it also holds `apiKey:<id>` for machine clients
    .leftJoin(users, sql`${users.id}::text = ${auditLog.actorId}`)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(maxRows + 1)
  const items = rows.slice(0, maxRows).map(({ entry, actorName }) => ({
    id: entry.id,
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName,
    role: entry.role,
    address: entry.address,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    outcome: entry.outcome,
    detail: { before: entry.before, after: entry.after },
    hash: entry.hash,
  }))
  return { items, nextBefore: rows.length > maxRows ? (items.at(-1)?.seq ?? null) : null }
}

const CSV_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorName',
  'role',
  'address',
  'action',
  'objectType',
  'objectId',
  'outcome',
  'detail',
  'hash',
] as const

/** RFC 4180 CSV with a BOM so that Excel opens the Chinese text as UTF-8. */
export function auditCsv(items: Awaited<ReturnType<typeof queryAudit>>['items']): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)
    // A leading =, +, - or @ would be run as a formula by spreadsheet software.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const lines = items.map((item) => CSV_COLUMNS.map((k) => cell(item[k])).join(','))
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`
}
