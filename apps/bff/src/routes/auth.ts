import { Hono } from 'hono'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../app'
import { users } from '../db/schema'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'
import { readJson } from '../http/http-error'
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie'
import { appendAudit } from '../audit/append-audit'
import { actorAudit } from '../services/actor-audit'
import { login, LoginInput } from '../services/auth/login'
import { buildMe } from '../services/auth/me'
import { endSessions, MFA_REQUIRED_ROLES } from '../services/auth/sessions'

export const authRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/login', guard(deps, { kind: 'public' }), async (c) => {
      const input = await readJson(c, LoginInput)
      const now = deps.clock()
      const meta = { address: c.get('address'), userAgent: c.req.header('user-agent') ?? null }
      const { token, idHash, user } = await login(deps.database.db, input, meta, now)
      setSessionCookie(c, token, deps.cookieSecure, deps.trustProxy)
      const session = {
        idHash,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        mfaEnrollmentRequired:
          deps.requireMfa && MFA_REQUIRED_ROLES.includes(user.role) && !user.mfaEnabled,
      }
      return c.json(await buildMe(deps.database.db, session, deps.requireMfa))
    })
    .post(
      '/logout',
      guard(deps, { kind: 'authenticated', duringMfaEnrollment: true }),
      async (c) => {
        const session = c.get('session')
        const now = deps.clock()
        if (session) {
          await deps.database.db.transaction(async (tx) => {
            await endSessions(tx, { idHash: session.idHash }, 'logout', now)
            await appendAudit(
              tx,
              {
                ...actorAudit(c.get('actor'), c.get('address')),
                action: 'auth.logout',
                objectType: 'user',
                objectId: session.userId,
                outcome: 'success',
              },
              now,
            )
          })
          deps.live.disconnectSessions([session.idHash])
        }
        clearSessionCookie(c)
        return c.body(null, 204)
      },
    )
    // The login page shows the demo accounts only when the server actually has them.
    .get('/demo', guard(deps, { kind: 'public' }), async (c) => {
      if (!deps.demoAccounts) return c.json({ demo: false, accounts: [] })
      const rows = await deps.database.db
        .select({
          username: users.username,
          role: users.role,
          departmentCode: users.departmentCode,
        })
        .from(users)
        .where(eq(users.isDemo, true))
        .orderBy(users.username)
      return c.json({ demo: true, accounts: rows })
    })
