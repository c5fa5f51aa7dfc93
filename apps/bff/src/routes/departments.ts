import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { departmentSummary, listDepartments } from '../services/departments/departments'

export const departmentRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', guard(deps, { kind: 'authenticated' }), async (c) =>
      c.json({ items: await listDepartments(deps.database.db) }),
    )
    // A department's workbench: its handlers see their own, dispatchers and leaders any.
    .get(
      '/:code',
      guard(deps, {
        kind: 'permission',
        permission: 'case.read',
        target: (c) => ({ departmentCodes: [c.req.param('code') ?? ''] }),
      }),
      async (c) => c.json(await departmentSummary(deps.database.db, c.req.param('code'))),
    )
