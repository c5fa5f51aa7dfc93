import { UpdateCaseGoals } from '@cityops/domain'
import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { readJson } from '../http/http-error'
import { loadPlanTargets, savePlanTargets } from '../services/plan-targets/plan-target-settings'

/**
 * The city's case goals the KPI trends are drawn against (#7). Like the 处置时限 settings they
 * belong to the administrator's caseCategory.manage: both are the case catalogue's targets.
 */
export const planTargetRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', guard(deps, { kind: 'permission', permission: 'caseCategory.manage' }), async (c) =>
      c.json(await loadPlanTargets(deps.database.db)),
    )
    .put('/', guard(deps, { kind: 'permission', permission: 'caseCategory.manage' }), async (c) => {
      const body = await readJson(c, UpdateCaseGoals)
      const { actor, address } = personOf(c)
      return c.json(await savePlanTargets(deps.database.db, { actor, address }, body, deps.clock()))
    })
