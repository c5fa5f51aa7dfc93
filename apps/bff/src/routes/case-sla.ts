import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { readJson } from '../http/http-error'
import { loadCaseSla, PutCaseSlaBody, saveCaseSla } from '../services/case-sla/sla-settings'

/** The 处置时限 configuration (docs/WORKFLOWS.md): category limits belong to caseCategory.manage. */
export const caseSlaRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', guard(deps, { kind: 'permission', permission: 'caseCategory.manage' }), async (c) =>
      c.json(await loadCaseSla(deps.database.db)),
    )
    .put('/', guard(deps, { kind: 'permission', permission: 'caseCategory.manage' }), async (c) => {
      const body = await readJson(c, PutCaseSlaBody)
      const { actor, address } = personOf(c)
      return c.json(await saveCaseSla(deps.database.db, { actor, address }, body, deps.clock()))
    })
