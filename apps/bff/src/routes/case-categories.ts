import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { listCaseCategories } from '../services/cases/case-categories'

/** Reference list for the report form and the desk's filters: every signed-in person reads it. */
export const caseCategoryRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', guard(deps, { kind: 'authenticated' }), (c) =>
    c.json(listCaseCategories()),
  )
