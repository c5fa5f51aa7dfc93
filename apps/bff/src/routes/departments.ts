import { Hono } from 'hono'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { HttpError } from '../http/http-error'
import {
  departmentSummary,
  listDepartments,
  requireDepartment,
} from '../services/departments/departments'
import { listDepartmentAssignments } from '../services/incidents/department-assignments'

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
    // 应急调派 on the workbench: the department's unfinished incident assignments, newest first.
    .get(
      '/:code/incident-assignments',
      guard(deps, {
        kind: 'permission',
        permission: 'incident.read',
        target: (c) => ({ departmentCodes: [c.req.param('code') ?? ''] }),
      }),
      async (c) => {
        const actor = c.get('actor')
        if (!actor) throw new HttpError(401, '请先登录 / Log in first.')
        const code = (await requireDepartment(deps.database.db, c.req.param('code'))).code
        return c.json(await listDepartmentAssignments(deps.database.db, actor, code))
      },
    )
