import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** The client's address for audit and throttling; X-Forwarded-For only behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded.slice(0, 64)
  }
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null // app.request() in tests has no socket
  }
}
