import {
  CaseGoals,
  DEFAULT_CASE_GOALS,
  planTargets,
  type Actor,
  type PlanTarget,
  type UpdateCaseGoals,
} from '@cityops/domain'
import { eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { planTargetSettings } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { beijingIsoOrNull } from '../cases/case-time'

export interface StoredPlanTargets {
  goals: CaseGoals
  /** 0 = the built-in DEFAULT_CASE_GOALS (nothing stored yet). */
  version: number
  updatedAt: string | null
  updatedBy: string | null
  /** Every target the trend charts draw, the plan's fixed ones and these goals. */
  targets: PlanTarget[]
}

/** The case goals in force: the stored ones, or the defaults until an administrator saves some. */
export async function loadPlanTargets(db: Executor): Promise<StoredPlanTargets> {
  const [row] = await db.select().from(planTargetSettings).where(eq(planTargetSettings.id, 1))
  const goals = row ? CaseGoals.parse(row.goals) : { ...DEFAULT_CASE_GOALS }
  return {
    goals,
    version: row?.version ?? 0,
    updatedAt: beijingIsoOrNull(row?.updatedAt ?? null),
    updatedBy: row?.updatedBy ?? null,
    targets: planTargets(goals),
  }
}

/**
 * Replaces the goals if `expectedVersion` is still current (409 with the current ones
 * otherwise). One transaction with its audit entry and a `planTargets.updated` event, as the
 * 处置时限 settings do.
 */
export async function savePlanTargets(
  db: Database,
  who: { actor: Actor; address: string | null },
  body: z.infer<typeof UpdateCaseGoals>,
  now: Date,
): Promise<StoredPlanTargets> {
  return db.transaction(async (tx) => {
    const current = await loadPlanTargets(tx)
    const actorId = actorAudit(who.actor, who.address).actorId
    const written =
      body.expectedVersion === 0
        ? await tx
            .insert(planTargetSettings)
            .values({ id: 1, version: 1, goals: body.goals, updatedAt: now, updatedBy: actorId })
            .onConflictDoNothing()
            .returning({ version: planTargetSettings.version })
        : await tx
            .update(planTargetSettings)
            .set({
              version: sql`${planTargetSettings.version} + 1`,
              goals: body.goals,
              updatedAt: now,
              updatedBy: actorId,
            })
            .where(
              sql`${planTargetSettings.id} = 1 and ${planTargetSettings.version} = ${body.expectedVersion}`,
            )
            .returning({ version: planTargetSettings.version })
    const version = written[0]?.version
    if (version === undefined) {
      throw new HttpError(
        409,
        `目标已被修改（当前版本 ${current.version}）/ The goals changed meanwhile (now version ${current.version}); reload and retry.`,
        { code: 'STALE_VERSION', current },
      )
    }
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'planTargets.update',
        objectType: 'planTargets',
        objectId: 'plan-targets',
        outcome: 'success',
        before: { version: current.version, goals: current.goals },
        after: { version, goals: body.goals },
      },
      now,
    )
    const saved = await loadPlanTargets(tx)
    await appendEvents(
      tx,
      [
        {
          topic: 'cases',
          type: 'planTargets.updated',
          entityId: 'plan-targets',
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
