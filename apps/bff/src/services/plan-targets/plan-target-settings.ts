import {
  CaseGoals,
  DEFAULT_CASE_GOALS,
  planTargets,
  type Actor,
  type PlanTarget,
  type UpdateCaseGoals,
} from '@cityops/domain'
import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Database, Executor } from '../../db/client'
import { planTargetSettings } from '../../db/schema'
import { beijingIsoOrNull } from '../cases/case-time'
import { saveVersionedSettings } from '../versioned-settings'

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
 * otherwise), with its audit entry and a `planTargets.updated` event, as the 处置时限 settings.
 */
export function savePlanTargets(
  db: Database,
  who: { actor: Actor; address: string | null },
  body: z.infer<typeof UpdateCaseGoals>,
  now: Date,
): Promise<StoredPlanTargets> {
  return saveVersionedSettings(
    db,
    who,
    {
      table: planTargetSettings,
      payload: { goals: body.goals },
      expectedVersion: body.expectedVersion,
      load: loadPlanTargets,
      staleMessage: (version) =>
        `目标已被修改（当前版本 ${version}）/ The goals changed meanwhile (now version ${version}); reload and retry.`,
      audit: { action: 'planTargets.update', objectType: 'planTargets', objectId: 'plan-targets' },
      eventType: 'planTargets.updated',
    },
    now,
  )
}
