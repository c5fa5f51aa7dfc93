import type { Actor } from '@cityops/domain'
import { userActor } from '@cityops/domain'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppDeps } from '../app'
import { resolveApiKey } from '../services/api-keys/resolve-api-key'
import { MFA_REQUIRED_ROLES, resolveSession } from '../services/auth/sessions'
import type { AppEnv } from './context'
import { clearSessionCookie, SESSION_COOKIE } from './session-cookie'
import { clientAddress } from './client-address'

/**
 * Sets `actor` from the session cookie (people) or a Bearer API key (machines). It never
 * refuses a request itself: guards decide, so public routes stay public.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('address', clientAddress(c, deps.trustProxy))
    c.set('actor', null)
    c.set('session', null)
    c.set('authProblem', null)
    const now = deps.clock()
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const token = getCookie(c, SESSION_COOKIE)
    if (bearer) {
      const actor: Actor | null = await resolveApiKey(deps.database.db, bearer, now)
      c.set('actor', actor)
      if (!actor) c.set('authProblem', 'badApiKey')
    } else if (token) {
      const found = await resolveSession(deps.database.db, token, now)
      if (found.status === 'active') {
        const { user, session } = found
        c.set('actor', userActor(user))
        c.set('session', {
          idHash: session.idHash,
          userId: user.id,
          createdAt: session.createdAt,
          lastSeenAt: session.lastSeenAt,
          mfaEnrollmentRequired:
            deps.requireMfa && MFA_REQUIRED_ROLES.includes(user.role) && !user.mfaEnabled,
        })
      } else {
        clearSessionCookie(c)
        c.set('authProblem', 'expired')
      }
    }
    await next()
  }
}
