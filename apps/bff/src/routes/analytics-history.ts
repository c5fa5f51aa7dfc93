import { ReplayQuery } from '@cityops/domain'
import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { readReplay } from '../services/history/read-replay'
import { loadPlanTargets } from '../services/plan-targets/plan-target-settings'

/** The thematic page's look back (#7): the time machine's replay and the plan's targets. */
export const analyticsHistoryRoutes = (deps: AppDeps) => {
  const view = guard(deps, { kind: 'permission', permission: 'thematic.view' })
  return new Hono<AppEnv>()
    .get('/replay', view, async (c) => {
      const query = ReplayQuery.parse(c.req.query())
      return c.json(await readReplay(deps.database.db, query))
    })
    .get('/targets', view, async (c) => {
      const { version, targets } = await loadPlanTargets(deps.database.db)
      return c.json({ version, targets })
    })
}
