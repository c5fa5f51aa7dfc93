import type { Hono } from 'hono'
import { DEMO_PASSWORD } from '@cityops/domain'

export const ORIGIN = 'http://localhost'

/** Logs in through the real endpoint and returns the cookie header for later requests. */
export async function loginAs(
  app: Pick<Hono, 'request'>,
  username: string,
  password = DEMO_PASSWORD,
  totp?: string,
) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }),
  })
  if (res.status !== 200)
    throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('no session cookie')
  return cookie
}

/** A JSON request as the browser would send it (same-origin, with the cookie). */
export function asBrowser(cookie: string | null, method = 'GET', body?: unknown): RequestInit {
  return {
    method,
    headers: {
      origin: ORIGIN,
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  }
}

/** Logs in against a running server over real HTTP; returns the cookie header. */
export async function loginOverHttp(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200)
    throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`)
  return res.headers.get('set-cookie')?.split(';')[0] ?? ''
}
