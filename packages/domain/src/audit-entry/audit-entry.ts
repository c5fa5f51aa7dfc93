import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import { ROLES } from '../user'

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]

// Entries form a hash chain: hash = SHA-256 over auditHashPayload(entry) (computed by the BFF;
// the domain has no crypto). The first entry links to GENESIS_HASH.
export const Sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'Expected a lowercase SHA-256 hex digest')
export const GENESIS_HASH = '0'.repeat(64)

export const AuditEntry = z.object({
  id: EntityId,
  at: IsoDateTime,
  actorId: EntityId.nullable(), // null for system actions
  role: z.enum(ROLES).nullable(),
  address: z.string().max(64).nullable(), // client IP as seen by the BFF
  action: z.string().min(1).max(64),
  objectType: z.string().min(1).max(64),
  objectId: z.string().min(1).max(64),
  outcome: z.enum(AUDIT_OUTCOMES),
  before: z.unknown(),
  after: z.unknown(),
  hash: Sha256Hex,
  prevHash: Sha256Hex,
})
export type AuditEntry = z.infer<typeof AuditEntry>

/** Deterministic JSON: object keys sorted at every depth, `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (value instanceof Date) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const members = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
  return `{${members.join(',')}}`
}

/** The exact string whose SHA-256 becomes `hash`: every field except `hash` itself. */
export function auditHashPayload(entry: Omit<AuditEntry, 'hash'>): string {
  const {
    id,
    at,
    actorId,
    role,
    address,
    action,
    objectType,
    objectId,
    outcome,
    before,
    after,
    prevHash,
  } = entry
  return canonicalJson({
    id,
    at,
    actorId,
    role,
    address,
    action,
    objectType,
    objectId,
    outcome,
    before,
    after,
    prevHash,
  })
}

/** Index of the first entry whose prevHash does not match its predecessor's hash, or -1. */
export function findBrokenAuditLink(
  entries: readonly Pick<AuditEntry, 'hash' | 'prevHash'>[],
  startPrevHash: string = GENESIS_HASH,
): number {
  let expected = startPrevHash
  for (const [index, entry] of entries.entries()) {
    if (entry.prevHash !== expected) return index
    expected = entry.hash
  }
  return -1
}
