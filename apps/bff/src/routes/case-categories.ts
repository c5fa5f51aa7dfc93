import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { loadCaseSla } from '../services/case-sla/sla-settings'
import { listCaseCategories } from '../services/cases/case-categories'

/** Reference list for the report form and the desk's filters: every signed-in person reads it. */
export const caseCategoryRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', guard(deps, { kind: 'authenticated' }), async (c) => {
    // the 处置时限 in force: the stored configuration (PUT /api/admin/case-sla) or the default
    const { config } = await loadCaseSla(deps.database.db)
    return c.json(listCaseCategories(config))
  })
