import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { users } from '../src/db/schema'
import { totpCode, totpStep } from '../src/security/totp'
import { asBrowser, loginAs, ORIGIN } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

describe.each(DRIVERS)('login, sessions and second factor on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
  })
  afterAll(() => t?.dispose())
  beforeEach(() => {
    env = testApp(t.handle)
    env.clock.now = new Date(env.clock.now.getTime() + 3_600_000) // past any earlier lock
  })

  const login = (body: unknown, address = '10.1.1.1') =>
    env.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': address },
      body: JSON.stringify(body),
    })

  it('sets an HttpOnly, SameSite=Lax session cookie and returns who I am', async () => {
    const res = await login({ username: 'dispatcher', password: 'cityops-demo' })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^cityops_session=[\w-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).not.toContain('Secure') // plain http here; https gets Secure
    const me = (await res.json()) as { user: { role: string }; permissions: string[] }
    expect(me.user.role).toBe('dispatcher')
    expect(me.permissions).toContain('case.dispatch')
  })

  it('marks the cookie Secure when served over TLS', async () => {
    const res = await env.app.request('https://cityops.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://cityops.example' },
      body: JSON.stringify({ username: 'leader', password: 'cityops-demo' }),
    })
    expect(res.headers.get('set-cookie')).toContain('Secure')
  })

  it('answers wrong credentials, missing fields and junk with a 4xx a person can act on', async () => {
    const wrong = await login({ username: 'operator', password: 'nope' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({
      error: '用户名或密码错误 / Wrong username or password.',
      reason: 'invalidCredentials',
    })
    const unknownUser = await login({ username: 'nobody-here', password: 'nope' })
    expect(await unknownUser.json()).toEqual(
      await (await login({ username: 'operator', password: 'nope2' })).json(),
    )
    const missing = await login({ username: 'operator' })
    expect(missing.status).toBe(400)
    expect(
      ((await missing.json()) as { issues: { path: string }[] }).issues.map((i) => i.path),
    ).toEqual(['password'])
    const junk = await env.app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: ORIGIN },
      body: '{not json',
    })
    expect(junk.status).toBe(400)
    const huge = await login({ username: 'x'.repeat(70_000), password: 'y' })
    expect(huge.status).toBe(413)
    expect(await huge.json()).toMatchObject({ limitBytes: 65536 })
  })

  it('backs off after repeated failures and locks the account after ten', async () => {
    const attempt = () => login({ username: 'intake', password: 'wrong-password' })
    for (let i = 1; i <= 3; i++) expect((await attempt()).status).toBe(401)
    expect((await attempt()).status).toBe(401) // 4th failure: recorded, now a 1 s back-off
    const early = await attempt()
    expect(early.status).toBe(429)
    expect(await early.json()).toMatchObject({ reason: 'backoff', retryAfterSeconds: 1 })
    for (let i = 5; i <= 10; i++) {
      env.clock.now = new Date(env.clock.now.getTime() + 61_000)
      expect((await attempt()).status).toBe(401)
    }
    env.clock.now = new Date(env.clock.now.getTime() + 61_000)
    const locked = await login({ username: 'intake', password: 'cityops-demo' }) // even the right one
    expect(locked.status).toBe(429)
    expect(await locked.json()).toMatchObject({ reason: 'locked' })
    env.clock.now = new Date(env.clock.now.getTime() + 15 * 60_000)
    expect((await login({ username: 'intake', password: 'cityops-demo' })).status).toBe(200)
  })

  it('ends the session on logout, and the cookie no longer works', async () => {
    const cookie = await loginAs(env.app, 'operator')
    expect((await env.app.request('/api/me', asBrowser(cookie))).status).toBe(200)
    expect((await env.app.request('/api/auth/logout', asBrowser(cookie, 'POST'))).status).toBe(204)
    const after = await env.app.request('/api/me', asBrowser(cookie))
    expect(after.status).toBe(401)
    expect(await after.json()).toMatchObject({ reason: 'expired' })
  })

  it('expires a session after 30 idle minutes and after 12 hours in any case', async () => {
    const idle = await loginAs(env.app, 'shiftlead')
    env.clock.now = new Date(env.clock.now.getTime() + 29 * 60_000)
    expect((await env.app.request('/api/me', asBrowser(idle))).status).toBe(200)
    env.clock.now = new Date(env.clock.now.getTime() + 30 * 60_000)
    expect((await env.app.request('/api/me', asBrowser(idle))).status).toBe(401)

    const busy = await loginAs(env.app, 'shiftlead')
    for (let h = 0; h < 12 * 4; h++) {
      env.clock.now = new Date(env.clock.now.getTime() + 15 * 60_000)
      const res = await env.app.request('/api/me', asBrowser(busy))
      expect(res.status).toBe(h < 12 * 4 - 1 ? 200 : 401)
    }
  })

  it('ends all sessions of a user the administrator disables', async () => {
    const victim = await loginAs(env.app, 'handler-ylj')
    const admin = await loginAs(env.app, 'admin')
    const [row] = await t.handle.db.select().from(users).where(eq(users.username, 'handler-ylj'))
    const res = await env.app.request(
      `/api/admin/users/${row?.id}`,
      asBrowser(admin, 'PATCH', { active: false }),
    )
    expect(res.status).toBe(200)
    expect((await env.app.request('/api/me', asBrowser(victim))).status).toBe(401)
    expect((await login({ username: 'handler-ylj', password: 'cityops-demo' })).status).toBe(401)
  })

  it('refuses a cookie-authenticated write from a foreign origin (CSRF)', async () => {
    const cookie = await loginAs(env.app, 'admin')
    const res = await env.app.request('/api/admin/departments', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'evil', name: '恶意', nameEn: 'Evil', kind: 'other' }),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ reason: 'origin' })
    const noOrigin = await env.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie },
    })
    expect(noOrigin.status).toBe(403)
  })

  it('limits how fast one user may write, with Retry-After', async () => {
    const limited = testApp(t.handle, { writeLimit: { burst: 2, perSecond: 0.5 } })
    limited.clock.now = env.clock.now
    const cookie = await loginAs(limited.app, 'admin')
    const write = () =>
      limited.app.request(
        '/api/me/password',
        asBrowser(cookie, 'POST', { currentPassword: 'x', newPassword: 'y' }),
      )
    expect((await write()).status).toBe(400) // counted, refused for its content
    expect((await write()).status).toBe(400)
    const third = await write()
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('2')
    limited.clock.now = new Date(limited.clock.now.getTime() + 2000)
    expect((await write()).status).toBe(400)
  })

  it('sends security headers with a CSP that allows MapLibre workers but no framing', async () => {
    const res = await env.app.request('/api/health')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("worker-src 'self' blob:")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('accepts a TOTP code once within its window and refuses it when replayed', async () => {
    const cookie = await loginAs(env.app, 'leader')
    const setup = await env.app.request('/api/me/mfa/setup', asBrowser(cookie, 'POST', {}))
    const { secret } = (await setup.json()) as { secret: string }
    const code = () => totpCode(secret, totpStep(env.clock.now.getTime()))
    expect(
      (await env.app.request('/api/me/mfa/enable', asBrowser(cookie, 'POST', { code: code() })))
        .status,
    ).toBe(204)

    env.clock.now = new Date(env.clock.now.getTime() + 30_000)
    const noCode = await login({ username: 'leader', password: 'cityops-demo' })
    expect(noCode.status).toBe(401)
    expect(await noCode.json()).toMatchObject({ reason: 'mfaRequired' })
    const fresh = code()
    expect(
      (await login({ username: 'leader', password: 'cityops-demo', totp: fresh })).status,
    ).toBe(200)
    const replay = await login({ username: 'leader', password: 'cityops-demo', totp: fresh })
    expect(replay.status).toBe(401)
    expect(await replay.json()).toMatchObject({ reason: 'mfaRequired' })
    const later = totpCode(secret, totpStep(env.clock.now.getTime()) + 1) // next step, inside drift
    expect(
      (await login({ username: 'leader', password: 'cityops-demo', totp: later })).status,
    ).toBe(200)
  })

  it('requires admin and leader to enrol a second factor when REQUIRE_MFA is on', async () => {
    const strict = testApp(t.handle, { requireMfa: true })
    strict.clock.now = env.clock.now
    const cookie = await loginAs(strict.app, 'admin')
    const me = await (await strict.app.request('/api/me', asBrowser(cookie))).json()
    expect(me).toMatchObject({ mfa: { enabled: false, required: true } })
    const blocked = await strict.app.request('/api/admin/users', asBrowser(cookie))
    expect(blocked.status).toBe(403)
    expect(await blocked.json()).toMatchObject({ reason: 'mfaEnrollmentRequired' })
    const operator = await loginAs(strict.app, 'operator')
    expect((await strict.app.request('/api/departments', asBrowser(operator))).status).toBe(200)
  })
})
