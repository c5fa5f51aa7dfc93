import type { ApiKeyActor } from '@cityops/domain'
import { and, eq, isNull } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { apiKeys } from '../../db/schema'
import { sha256Hex } from '../../security/tokens'

const TOUCH_AFTER_MS = 60_000

/** The machine actor behind a presented key, or null when unknown or revoked. */
export async function resolveApiKey(
  db: Executor,
  key: string,
  now: Date,
): Promise<ApiKeyActor | null> {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256Hex(key)), isNull(apiKeys.revokedAt)))
  if (!row) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id))
  }
  return { kind: 'apiKey', keyId: row.id, scopes: row.scopes, departmentCode: row.departmentCode }
}
