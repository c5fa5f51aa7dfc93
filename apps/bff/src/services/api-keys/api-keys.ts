import { API_KEY_SCOPES, type Actor } from '@cityops/domain'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { apiKeys } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { newToken, sha256Hex } from '../../security/tokens'
import { actorAudit, assertDepartmentExists } from '../actor-audit'

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, '请填写名称 / Give the key a name').max(80),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, '至少选择一个权限 / Choose at least one scope'),
  departmentCode: z.string().min(1).nullable().optional(),
})

const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  departmentCode: apiKeys.departmentCode,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
}

export const listApiKeys = (db: Database) =>
  db.select(publicColumns).from(apiKeys).orderBy(desc(apiKeys.createdAt))

/** Creates a key and returns it in clear once; only its SHA-256 is stored. */
export async function createApiKey(
  db: Database,
  actor: Actor | null,
  address: string | null,
  input: z.infer<typeof CreateApiKeyInput>,
  now: Date,
  presetKey?: string,
) {
  const key = presetKey ?? `cok_${newToken(24)}`
  return db.transaction(async (tx) => {
    if (input.departmentCode) await assertDepartmentExists(tx, input.departmentCode)
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: key.slice(0, 12),
        keyHash: sha256Hex(key),
        scopes: input.scopes,
        departmentCode: input.departmentCode ?? null,
        createdBy: actor?.kind === 'user' ? actor.userId : null,
        createdAt: now,
      })
      .returning(publicColumns)
    if (!row) throw new Error('insert returned no row')
    await appendAudit(
      tx,
      {
        ...actorAudit(actor, address),
        action: 'apiKey.create',
        objectType: 'apiKey',
        objectId: row.id,
        outcome: 'success',
        after: row,
      },
      now,
    )
    return { ...row, key }
  })
}

export async function revokeApiKey(
  db: Database,
  actor: Actor,
  address: string | null,
  id: string,
  now: Date,
) {
  await db.transaction(async (tx: Executor) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning(publicColumns)
    if (!row) throw new HttpError(404, '没有这个有效的密钥 / No active API key with this id.')
    await appendAudit(
      tx,
      {
        ...actorAudit(actor, address),
        action: 'apiKey.revoke',
        objectType: 'apiKey',
        objectId: id,
        outcome: 'success',
        after: { revokedAt: now.toISOString() },
      },
      now,
    )
  })
}
