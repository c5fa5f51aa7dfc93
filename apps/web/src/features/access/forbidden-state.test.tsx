import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

const SERVER_MESSAGE =
  '角色 专业部门处置员 只能查看本部门（cgj）的部门 / Role handler may view only department cgj'

describe('not allowed', () => {
  it('shows the server’s 403 message when a handler opens another department', async () => {
    stubApi({
      'GET /api/me': () => json(200, meFor('handler')),
      'GET /api/departments/sthjj': () =>
        json(403, { error: SERVER_MESSAGE, permission: 'case.read' }),
    })
    renderApp('/departments/sthjj')
    const state = await screen.findByTestId('forbidden-state')
    expect(state.textContent).toContain('无权访问')
    expect(screen.getByTestId('forbidden-message').textContent).toBe(SERVER_MESSAGE)
    expect(screen.getByRole('alert').textContent).toContain(SERVER_MESSAGE)
    expect(screen.getByRole('link', { name: '返回我的首页' }).getAttribute('href')).toBe(
      '/departments/cgj',
    )
    expect(screen.getByTestId('location').textContent).toBe('/departments/sthjj')
  })

  it('names the missing permission when the policy forbids a page outright', async () => {
    const { calls } = stubApi({ 'GET /api/me': () => json(200, meFor('leader')) })
    renderApp('/admin/users')
    expect((await screen.findByTestId('forbidden-message')).textContent).toBe(
      '你的角色（领导）没有“管理用户”权限。',
    )
    expect(calls.some((c) => c.path === '/api/admin/users')).toBe(false)
  })

  it('speaks English too', async () => {
    const { useAppStore } = await import('../../stores/app-store')
    useAppStore.getState().setLocale('en')
    stubApi({ 'GET /api/me': () => json(200, meFor('inspector')) })
    renderApp('/audit')
    expect((await screen.findByTestId('forbidden-state')).textContent).toContain('Not allowed')
  })
})
