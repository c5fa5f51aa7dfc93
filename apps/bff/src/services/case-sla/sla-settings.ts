import { CaseSlaConfig, DEFAULT_CASE_SLA, type Actor } from '@cityops/domain'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database, Executor } from '../../db/client'
import { caseSlaSettings } from '../../db/schema'
import { describeIssues, HttpError, issueList } from '../../http/http-error'
import { beijingIsoOrNull } from '../cases/case-time'
import { saveVersionedSettings } from '../versioned-settings'

export interface StoredCaseSla {
  config: CaseSlaConfig
  /** 0 = the built-in DEFAULT_CASE_SLA (nothing stored yet). */
  version: number
  updatedAt: string | null
  updatedBy: string | null
}

/** The 处置时限 configuration in force: the stored one, or the default until an admin saves one. */
export async function loadCaseSla(db: Executor): Promise<StoredCaseSla> {
  const [row] = await db.select().from(caseSlaSettings).where(eq(caseSlaSettings.id, 1))
  if (!row) return { config: DEFAULT_CASE_SLA, version: 0, updatedAt: null, updatedBy: null }
  return {
    config: CaseSlaConfig.parse(row.config),
    version: row.version,
    updatedAt: beijingIsoOrNull(row.updatedAt),
    updatedBy: row.updatedBy,
  }
}

export const PutCaseSlaBody = z.object({
  config: z.unknown(),
  expectedVersion: z
    .number({ error: '请提供 expectedVersion / Give the version you saw' })
    .int()
    .min(0),
})

/**
 * Replaces the configuration if `expectedVersion` is still current (409 with the current one
 * otherwise); a config the domain schema refuses is 422 with field messages. With its audit entry
 * and a `caseSla.updated` event (versioned-settings.ts).
 */
export async function saveCaseSla(
  db: Database,
  who: { actor: Actor; address: string | null },
  body: z.infer<typeof PutCaseSlaBody>,
  now: Date,
): Promise<StoredCaseSla> {
  const parsed = CaseSlaConfig.safeParse(body.config)
  if (!parsed.success) {
    throw new HttpError(422, describeIssues(parsed.error), {
      code: 'INVALID_CONFIG',
      issues: issueList(parsed.error),
    })
  }
  return saveVersionedSettings(
    db,
    who,
    {
      table: caseSlaSettings,
      payload: { config: parsed.data },
      expectedVersion: body.expectedVersion,
      load: loadCaseSla,
      staleMessage: (version) =>
        `时限配置已被修改（当前版本 ${version}）/ The configuration changed meanwhile (now version ${version}); reload and retry.`,
      audit: { action: 'caseSla.update', objectType: 'caseSla', objectId: 'case-sla' },
      eventType: 'caseSla.updated',
    },
    now,
  )
}
