import { CaseSlaConfig, DEFAULT_CASE_SLA, type Actor } from '@cityops/domain'
import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { caseSlaSettings } from '../../db/schema'
import { describeIssues, HttpError, issueList } from '../../http/http-error'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { beijingIsoOrNull } from '../cases/case-time'

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
 * otherwise); a config the domain schema refuses is 422 with field messages. One transaction
 * with its audit entry and a `caseSla.updated` event.
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
  return db.transaction(async (tx) => {
    const current = await loadCaseSla(tx)
    const actorId = actorAudit(who.actor, who.address).actorId
    const written =
      body.expectedVersion === 0
        ? await tx
            .insert(caseSlaSettings)
            .values({ id: 1, version: 1, config: parsed.data, updatedAt: now, updatedBy: actorId })
            .onConflictDoNothing()
            .returning({ version: caseSlaSettings.version })
        : await tx
            .update(caseSlaSettings)
            .set({
              version: sql`${caseSlaSettings.version} + 1`,
              config: parsed.data,
              updatedAt: now,
              updatedBy: actorId,
            })
            .where(
              sql`${caseSlaSettings.id} = 1 and ${caseSlaSettings.version} = ${body.expectedVersion}`,
            )
            .returning({ version: caseSlaSettings.version })
    const version = written[0]?.version
    if (version === undefined) {
      throw new HttpError(
        409,
        `时限配置已被修改（当前版本 ${current.version}）/ The configuration changed meanwhile (now version ${current.version}); reload and retry.`,
        { code: 'STALE_VERSION', current },
      )
    }
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'caseSla.update',
        objectType: 'caseSla',
        objectId: 'case-sla',
        outcome: 'success',
        before: { version: current.version, config: current.config },
        after: { version, config: parsed.data },
      },
      now,
    )
    const saved = await loadCaseSla(tx)
    await appendEvents(
      tx,
      [
        {
          topic: 'cases',
          type: 'caseSla.updated',
          entityId: 'case-sla',
          version,
          data: saved,
          departments: null,
        },
      ],
      now,
    )
    return saved
  })
}
