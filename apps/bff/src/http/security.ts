import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './context'
import { HttpError } from './http-error'
import { SESSION_COOKIE } from './session-cookie'

/**
 * A strict CSP that still lets MapLibre run: its worker is a same-origin script file and it
 * creates blob: URLs for images; the wall is never framed by another site.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  })

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or Referer) must be the
 * app itself or an allowed origin. Requests with a Bearer key carry no ambient credentials.
 */
export function originCheck(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method) || c.req.header('authorization')) return next()
    // Without the cookie there is no ambient credential to abuse; login is checked anyway
    // so that another site cannot log a browser into an account of its choosing.
    const hasCookie = (c.req.header('cookie') ?? '').includes(`${SESSION_COOKIE}=`)
    if (!hasCookie && c.req.path !== '/api/auth/login') return next()
    const own = new URL(c.req.url).origin
    const claimed = c.req.header('origin') ?? originOf(c.req.header('referer'))
    if (!claimed || (claimed !== own && !allowedOrigins.includes(claimed))) {
      throw new HttpError(
        403,
        '请求来源不被允许 / This request did not come from the cityops app (Origin check failed).',
        {
          reason: 'origin',
        },
      )
    }
    return next()
  }
}

function originOf(url: string | undefined) {
  try {
    return url ? new URL(url).origin : undefined
  } catch {
    return undefined
  }
}

export const jsonBodyLimit = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(
        413,
        `请求体过大（上限 ${maxBytes} 字节）/ The request body is larger than ${maxBytes} bytes.`,
        {
          limitBytes: maxBytes,
        },
      )
    },
  })

/**
 * Per-actor write budget (token bucket), per process: a runaway script or a stuck key cannot
 * flood workflows. With several BFF nodes each enforces its own budget.
 */
export function writeRateLimit(options: {
  burst: number
  perSecond: number
  clock: () => Date
}): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return async (c, next) => {
    const actor = c.get('actor')
    if (!UNSAFE.has(c.req.method) || !actor) return next()
    const key = actor.kind === 'user' ? `u:${actor.userId}` : `k:${actor.keyId}`
    const now = options.clock().getTime()
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now }
    bucket.tokens = Math.min(
      options.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond,
    )
    bucket.at = now
    if (bucket.tokens < 1) {
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / options.perSecond)
      c.header('Retry-After', String(retryAfterSeconds))
      throw new HttpError(
        429,
        `操作过于频繁，请 ${retryAfterSeconds} 秒后再试 / Too many changes: try again in ${retryAfterSeconds} s.`,
        {
          retryAfterSeconds,
        },
      )
    }
    bucket.tokens -= 1
    buckets.set(key, bucket)
    return next()
  }
}
