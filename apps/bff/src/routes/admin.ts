import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps } from '../app'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { caseSlaRoutes } from './case-sla'
import { planTargetRoutes } from './plan-targets'
import { HttpError, readJson } from '../http/http-error'
import {
  createApiKey,
  CreateApiKeyInput,
  listApiKeys,
  revokeApiKey,
} from '../services/api-keys/api-keys'
import {
  createDepartment,
  CreateDepartmentInput,
  updateDepartment,
  UpdateDepartmentInput,
} from '../services/departments/departments'
import {
  adminUserColumns,
  createUser,
  CreateUserInput,
  setPassword,
  updateUser,
  UpdateUserInput,
  listUsers,
} from '../services/users/users'
import { eq } from 'drizzle-orm'
import { users } from '../db/schema'

const ResetPassword = z.object({ password: z.string().max(256) })
const Uuid = z.uuid('不是有效的编号 / Not a valid id')

/** Users, departments and API keys: the administrator's screens. */
export const adminRoutes = (deps: AppDeps) => {
  const manage = (permission: 'user.manage' | 'department.manage' | 'apiKey.manage') =>
    guard(deps, { kind: 'permission', permission })
  const idParam = (value: string | undefined) => {
    const parsed = Uuid.safeParse(value)
    if (!parsed.success) throw new HttpError(404, '没有这个对象 / No such object.')
    return parsed.data
  }
  return new Hono<AppEnv>()
    .get('/users', manage('user.manage'), async (c) =>
      c.json({ items: await listUsers(deps.database.db) }),
    )
    .post('/users', manage('user.manage'), async (c) => {
      const input = await readJson(c, CreateUserInput)
      const { actor, address } = personOf(c)
      return c.json(await createUser(deps.database.db, actor, address, input, deps.clock()), 201)
    })
    .patch('/users/:id', manage('user.manage'), async (c) => {
      const id = idParam(c.req.param('id'))
      const patch = await readJson(c, UpdateUserInput)
      const { actor, address } = personOf(c)
      const { user, endedSessions } = await updateUser(
        deps.database.db,
        actor,
        address,
        id,
        patch,
        deps.clock(),
      )
      deps.live.disconnectSessions(endedSessions)
      return c.json(user)
    })
    .post('/users/:id/password', manage('user.manage'), async (c) => {
      const id = idParam(c.req.param('id'))
      const { password } = await readJson(c, ResetPassword)
      const { actor, address } = personOf(c)
      const [target] = await deps.database.db
        .select(adminUserColumns)
        .from(users)
        .where(eq(users.id, id))
      if (!target) throw new HttpError(404, '没有这个用户 / No such user.')
      const ended = await setPassword(
        deps.database.db,
        actor,
        address,
        target,
        password,
        { action: 'user.resetPassword' },
        deps.clock(),
      )
      deps.live.disconnectSessions(ended)
      return c.body(null, 204)
    })
    .post('/departments', manage('department.manage'), async (c) => {
      const input = await readJson(c, CreateDepartmentInput)
      const { actor, address } = personOf(c)
      return c.json(
        await createDepartment(deps.database.db, actor, address, input, deps.clock()),
        201,
      )
    })
    .patch('/departments/:code', manage('department.manage'), async (c) => {
      const patch = await readJson(c, UpdateDepartmentInput)
      const { actor, address } = personOf(c)
      return c.json(
        await updateDepartment(
          deps.database.db,
          actor,
          address,
          c.req.param('code'),
          patch,
          deps.clock(),
        ),
      )
    })
    .get('/api-keys', manage('apiKey.manage'), async (c) =>
      c.json({ items: await listApiKeys(deps.database.db) }),
    )
    .post('/api-keys', manage('apiKey.manage'), async (c) => {
      const input = await readJson(c, CreateApiKeyInput)
      const { actor, address } = personOf(c)
      return c.json(await createApiKey(deps.database.db, actor, address, input, deps.clock()), 201)
    })
    .delete('/api-keys/:id', manage('apiKey.manage'), async (c) => {
      const { actor, address } = personOf(c)
      await revokeApiKey(deps.database.db, actor, address, idParam(c.req.param('id')), deps.clock())
      return c.body(null, 204)
    })
    .route('/case-sla', caseSlaRoutes(deps))
    .route('/plan-targets', planTargetRoutes(deps))
}
