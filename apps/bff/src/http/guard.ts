import { authorize, DomainError, type AccessTarget, type Permission } from '@cityops/domain'
import type { Context, MiddlewareHandler } from 'hono'
import { appendAudit } from '../audit/append-audit'
import type { AppDeps } from '../app'
import { actorAudit } from '../services/actor-audit'
import type { AppEnv } from './context'
import { HttpError } from './http-error'

/** What a route requires. Every API route declares one; the authorization matrix test reads them. */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated'; duringMfaEnrollment?: boolean }
  | {
      kind: 'permission'
      permission: Permission
      /** The departments the addressed object belongs to (per-object scoping). */
      target?: (c: Context<AppEnv>, deps: AppDeps) => Promise<AccessTarget> | AccessTarget
      duringMfaEnrollment?: boolean
    }

export type GuardMiddleware = MiddlewareHandler<AppEnv> & { access: Access }

export const isGuard = (handler: unknown): handler is GuardMiddleware =>
  typeof handler === 'function' && 'access' in handler

export function guard(deps: AppDeps, access: Access): GuardMiddleware {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (access.kind === 'public') return next()
    const actor = c.get('actor')
    if (!actor) {
      const expired = c.get('authProblem') === 'expired'
      throw new HttpError(
        401,
        expired
          ? '会话已过期，请重新登录 / Your session has expired: log in again.'
          : c.get('authProblem') === 'badApiKey'
            ? 'API 密钥无效或已吊销 / The API key is unknown or revoked.'
            : '请先登录 / Log in first.',
        { reason: expired ? 'expired' : 'unauthenticated' },
      )
    }
    if (c.get('session')?.mfaEnrollmentRequired && !access.duringMfaEnrollment) {
      throw new HttpError(403, '请先设置两步验证 / Set up two-step verification first.', {
        reason: 'mfaEnrollmentRequired',
      })
    }
    if (access.kind === 'permission') {
      const target = access.target ? await access.target(c, deps) : undefined
      try {
        authorize(actor, access.permission, target)
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        await recordDenial(deps, c, access.permission, target)
        throw new HttpError(403, error.message, { permission: access.permission })
      }
    }
    return next()
  }
  return Object.assign(middleware, { access })
}

// Denials are audited (the issue: every permission denial), in their own transaction.
async function recordDenial(
  deps: AppDeps,
  c: Context<AppEnv>,
  permission: Permission,
  target?: AccessTarget,
) {
  await appendAudit(
    deps.database.db,
    {
      ...actorAudit(c.get('actor'), c.get('address')),
      action: 'permission.denied',
      objectType: 'route',
      objectId: `${c.req.method} ${c.req.routePath}`.slice(0, 64),
      outcome: 'denied',
      after: { permission, departments: target?.departmentCodes ?? null },
    },
    deps.clock(),
  )
}

/** The acting person behind a guarded route; API keys are refused where a person is needed. */
export function personOf(c: Context<AppEnv>) {
  const actor = c.get('actor')
  const session = c.get('session')
  if (!actor || actor.kind !== 'user' || !session) {
    throw new HttpError(
      403,
      '此操作需要登录的用户 / This needs a logged-in person, not an API key.',
    )
  }
  return { actor, session, address: c.get('address') }
}

/** The acting person or machine behind a guarded route, for services that accept both. */
export function personOrKey(c: Context<AppEnv>) {
  const actor = c.get('actor')
  if (!actor) throw new HttpError(401, '请先登录 / Log in first.', { reason: 'unauthenticated' })
  return { actor, address: c.get('address') }
}
