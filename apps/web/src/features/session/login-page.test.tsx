import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

const WRONG = '用户名或密码错误 / Wrong username or password'

function fillAndSubmit(username = 'dispatcher', password = 'cityops-demo') {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } })
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } })
  fireEvent.submit(screen.getByTestId('login-form'))
}

const loggedOut = { 'GET /api/me': () => json(401, { error: '未登录', reason: 'unauthenticated' }) }

afterEach(() => {
  vi.useRealTimers()
})

describe('login page', () => {
  it('labels its fields with the autocomplete the password manager needs', async () => {
    stubApi(loggedOut)
    renderApp('/login')
    const username = await screen.findByRole('textbox', { name: '用户名' })
    expect(username.getAttribute('autocomplete')).toBe('username')
    expect(screen.getByLabelText('密码').getAttribute('autocomplete')).toBe('current-password')
    expect(screen.getByRole('button', { name: '登录' }).getAttribute('type')).toBe('submit')
    expect(screen.queryByTestId('demo-accounts')).toBeNull()
  })

  it('shows the server’s message when the credentials are wrong', async () => {
    stubApi({
      ...loggedOut,
      'POST /api/auth/login': () => json(401, { error: WRONG, reason: 'invalidCredentials' }),
    })
    renderApp('/login')
    await screen.findByTestId('login-form')
    fillAndSubmit()
    expect((await screen.findByRole('alert')).textContent).toBe(WRONG)
    expect(screen.getByTestId('location').textContent).toBe('/login')
  })

  it('asks for the TOTP code after mfaRequired and sends it next time', async () => {
    const { calls } = stubApi({
      ...loggedOut,
      'POST /api/auth/login': ({ body }) =>
        body && typeof body === 'object' && 'totp' in body
          ? json(200, meFor('dispatcher'))
          : json(401, { error: '请输入两步验证码 / Enter your code', reason: 'mfaRequired' }),
    })
    renderApp('/login')
    await screen.findByTestId('login-form')
    expect(screen.queryByLabelText('两步验证码')).toBeNull()
    fillAndSubmit()
    const totp = await screen.findByLabelText('两步验证码')
    expect(totp.getAttribute('autocomplete')).toBe('one-time-code')
    expect(screen.getByRole('alert').textContent).toContain('请输入两步验证码')

    fireEvent.change(totp, { target: { value: '123456' } })
    fireEvent.submit(screen.getByTestId('login-form'))
    expect(await screen.findByTestId('home-dispatcher')).toBeTruthy()
    const logins = calls.filter((c) => c.path === '/api/auth/login')
    expect(logins.map((c) => c.body)).toEqual([
      { username: 'dispatcher', password: 'cityops-demo' },
      { username: 'dispatcher', password: 'cityops-demo', totp: '123456' },
    ])
    expect(logins[0]?.init.credentials).toBe('same-origin')
    expect(new Headers(logins[0]?.init.headers).get('content-type')).toBe('application/json')
  })

  it('counts down after a 429 and blocks the button until then', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    stubApi({
      ...loggedOut,
      'POST /api/auth/login': () =>
        json(429, { error: '请稍后重试', retryAfterSeconds: 3, reason: 'backoff' }),
    })
    renderApp('/login')
    await screen.findByTestId('login-form')
    fillAndSubmit()
    const notice = await screen.findByTestId('login-throttle')
    expect(notice.textContent).toContain('请在 3 秒后重试')
    const submit = screen.getByTestId('login-submit')
    expect(submit.hasAttribute('disabled')).toBe(true)

    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000)
    })
    expect(notice.textContent).toContain('请在 2 秒后重试')
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000)
    })
    expect(screen.queryByTestId('login-throttle')).toBeNull()
    expect(submit.hasAttribute('disabled')).toBe(false)
  })

  it('lists the demo accounts in demo mode; choosing one fills the username', async () => {
    stubApi({
      ...loggedOut,
      'GET /api/auth/demo': () =>
        json(200, {
          demo: true,
          accounts: [
            { username: 'admin', role: 'admin', departmentCode: null },
            { username: 'handler-cgj', role: 'handler', departmentCode: 'cgj' },
          ],
        }),
    })
    renderApp('/login')
    const demo = await screen.findByTestId('demo-accounts')
    expect(demo.textContent).toContain('密码均为 cityops-demo')
    fireEvent.click(screen.getByTestId('demo-account-handler-cgj'))
    expect(screen.getByLabelText<HTMLInputElement>('用户名').value).toBe('handler-cgj')
  })

  it('goes to ?next= when the role may open it, else to the role’s home', async () => {
    stubApi({ ...loggedOut, 'POST /api/auth/login': () => json(200, meFor('dispatcher')) })
    renderApp('/login?next=%2Fadmin%2Fusers')
    await screen.findByTestId('login-form')
    fillAndSubmit()
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dispatch'))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('派遣队列')
  })

  it('honours an allowed ?next=', async () => {
    stubApi({
      ...loggedOut,
      'POST /api/auth/login': () => json(200, meFor('leader')),
      'GET /api/audit': () => json(200, { items: [], nextBefore: null }),
    })
    renderApp('/login?next=%2Faudit%3Foutcome%3Ddenied')
    await screen.findByTestId('login-form')
    fillAndSubmit('leader')
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/audit?outcome=denied'),
    )
  })
})
