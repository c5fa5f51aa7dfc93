import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'

export const SESSION_COOKIE = 'cityops_session'

export type CookieSecurity = 'auto' | 'always' | 'never'

/** HttpOnly and SameSite=Lax always; Secure when served over TLS (or told to). */
export function setSessionCookie(
  c: Context,
  token: string,
  security: CookieSecurity,
  trustProxy: boolean,
) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecure(c, security, trustProxy),
  })
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

function isSecure(c: Context, security: CookieSecurity, trustProxy: boolean) {
  if (security !== 'auto') return security === 'always'
  if (new URL(c.req.url).protocol === 'https:') return true
  return trustProxy && c.req.header('x-forwarded-proto') === 'https'
}
