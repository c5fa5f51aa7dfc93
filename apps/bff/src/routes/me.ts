import { Hono } from 'hono'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { AppDeps } from '../app'
import { users } from '../db/schema'
import type { AppEnv } from '../http/context'
import { guard, personOf } from '../http/guard'
import { HttpError, readJson } from '../http/http-error'
import { verifyPassword } from '../security/password-hash'
import { buildMe } from '../services/auth/me'
import { setMfaEnabled, setupMfa } from '../services/auth/mfa'
import { MFA_REQUIRED_ROLES } from '../services/auth/sessions'
import { setPassword } from '../services/users/users'

const ChangePassword = z.object({
  currentPassword: z.string().min(1, '请输入当前密码 / Enter your current password').max(256),
  newPassword: z.string().max(256),
})
const MfaCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字 / The code has 6 digits'),
})
const duringEnrolment = { duringMfaEnrollment: true } as const

export const meRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .get('/', guard(deps, { kind: 'authenticated', ...duringEnrolment }), async (c) => {
      const { session } = personOf(c)
      return c.json(await buildMe(deps.database.db, session, deps.requireMfa))
    })
    .post(
      '/password',
      guard(deps, { kind: 'permission', permission: 'self.changePassword' }),
      async (c) => {
        const input = await readJson(c, ChangePassword)
        const { actor, session, address } = personOf(c)
        const [user] = await deps.database.db
          .select()
          .from(users)
          .where(eq(users.id, session.userId))
        if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
          throw new HttpError(400, '当前密码不正确 / The current password is wrong.', {
            reason: 'currentPassword',
          })
        }
        const options = { keepSession: session.idHash, action: 'self.changePassword' } as const
        const ended = await setPassword(
          deps.database.db,
          actor,
          address,
          user,
          input.newPassword,
          options,
          deps.clock(),
        )
        deps.live.disconnectSessions(ended)
        return c.body(null, 204)
      },
    )
    .post(
      '/mfa/setup',
      guard(deps, { kind: 'permission', permission: 'self.manageMfa', ...duringEnrolment }),
      async (c) => {
        const { actor, session, address } = personOf(c)
        return c.json(await setupMfa(deps.database.db, { actor, userId: session.userId, address }))
      },
    )
    .post(
      '/mfa/enable',
      guard(deps, { kind: 'permission', permission: 'self.manageMfa', ...duringEnrolment }),
      async (c) => {
        const { code } = await readJson(c, MfaCode)
        const { actor, session, address } = personOf(c)
        await setMfaEnabled(
          deps.database.db,
          { actor, userId: session.userId, address },
          code,
          true,
          deps.clock(),
        )
        return c.body(null, 204)
      },
    )
    .post(
      '/mfa/disable',
      guard(deps, { kind: 'permission', permission: 'self.manageMfa' }),
      async (c) => {
        const { code } = await readJson(c, MfaCode)
        const { actor, session, address } = personOf(c)
        if (deps.requireMfa && MFA_REQUIRED_ROLES.includes(actor.role)) {
          throw new HttpError(
            403,
            '此角色必须启用两步验证 / This role must keep two-step verification on.',
          )
        }
        await setMfaEnabled(
          deps.database.db,
          { actor, userId: session.userId, address },
          code,
          false,
          deps.clock(),
        )
        return c.body(null, 204)
      },
    )
