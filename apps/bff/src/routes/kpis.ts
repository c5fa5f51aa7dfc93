import { listScope } from '@cityops/domain'
import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOrKey } from '../http/guard'
import { createGoodDaysCache } from '../services/kpis/air-kpis'
import { readWallKpis } from '../services/kpis/wall-kpis'
import { caseEvaluation, CaseKpiQuery } from '../services/kpis/case-evaluation'

// The wall's KPI strip. incident.read (its core content) so department-bound readers get
// their own scope; sections needing other permissions come back null.
export const kpiRoutes = (deps: AppDeps) => {
  const goodDays = createGoodDaysCache()
  return (
    new Hono<AppEnv>()
      .get('/wall', guard(deps, { kind: 'permission', permission: 'incident.read' }), async (c) => {
        const { actor } = personOrKey(c)
        return c.json(await readWallKpis(deps.database.db, actor, deps.clock(), goodDays))
      })
      // 综合评价 from the case history; readers of cases, handlers only their department's figures
      .get('/cases', guard(deps, { kind: 'permission', permission: 'case.read' }), async (c) => {
        const { actor } = personOrKey(c)
        const query = CaseKpiQuery.parse(c.req.query())
        const scope = listScope(actor, 'case.read')
        return c.json(await caseEvaluation(deps.database.db, scope, query, deps.clock()))
      })
  )
}
