import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

describe('session gate', () => {
  it('sends the logged-out to /login with ?next=', async () => {
    stubApi({ 'GET /api/me': () => json(401, { error: '未登录', reason: 'unauthenticated' }) })
    renderApp('/audit?actor=admin')
    await screen.findByTestId('login-form')
    expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Faudit%3Factor%3Dadmin')
  })

  it('goes to the login page when any call answers 401 (session ended)', async () => {
    let me: unknown = meFor('admin')
    stubApi({
      'GET /api/me': () => (me ? json(200, me) : json(401, { error: 'x', reason: 'expired' })),
      'GET /api/admin/users': () => {
        me = null
        return json(401, { error: '会话已过期 / Session expired', reason: 'expired' })
      },
    })
    renderApp('/admin/users')
    await screen.findByTestId('login-form')
    expect(screen.getByTestId('location').textContent).toBe('/login?next=%2Fadmin%2Fusers')
  })

  it('lands each role on its home view, marked for e2e', async () => {
    stubApi({
      'GET /api/me': () => json(200, meFor('intake')),
      'GET /api/cases': () => json(200, { total: 0, items: [] }),
    })
    renderApp('/')
    expect(await screen.findByTestId('home-intake')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('受理台')
    expect(await screen.findByText('暂无待处理的上报')).toBeTruthy()
  })

  it('holds an account that must enroll MFA on the setup screen', async () => {
    stubApi({
      'GET /api/me': () =>
        json(200, meFor('operator', { mfa: { enabled: false, required: true } })),
      'POST /api/me/mfa/setup': () =>
        json(200, {
          secret: 'JBSWY3DPEHPK3PXP',
          otpauthUrl: 'otpauth://totp/cityops:operator?secret=JBSWY3DPEHPK3PXP',
        }),
    })
    renderApp('/')
    expect(await screen.findByTestId('mfa-enrollment')).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()
    fireEvent.click(screen.getByTestId('mfa-start'))
    expect((await screen.findByTestId('mfa-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP')
    expect(screen.getByTestId('mfa-otpauth-url').textContent).toContain('otpauth://totp/')
    expect(screen.getByLabelText('验证码').getAttribute('autocomplete')).toBe('one-time-code')
  })

  it('logs out from the user menu: POST, then the login page without ?next=', async () => {
    let isSignedIn = true
    const { calls } = stubApi({
      'GET /api/me': () => (isSignedIn ? json(200, meFor('intake')) : json(401, {})),
      'POST /api/auth/logout': () => {
        isSignedIn = false
        return json(204)
      },
    })
    renderApp('/intake')
    const menu = await screen.findByRole('button', { name: /用户菜单/ })
    fireEvent.keyDown(menu, { key: 'ArrowDown' })
    fireEvent.click(screen.getByRole('menuitem', { name: '退出登录' }))
    await screen.findByTestId('login-form')
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/login'))
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/auth/logout')).toBe(true)
  })
})
