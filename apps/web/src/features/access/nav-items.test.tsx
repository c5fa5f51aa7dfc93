import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'
import { navItemsFor } from './nav-items'

const ids = (role: Parameters<typeof meFor>[0]) => navItemsFor(meFor(role)).map((i) => i.id)

describe('navigation follows the access policy', () => {
  it.each([
    ['handler', ['department', 'incidents']],
    ['leader', ['overview', 'thematic', 'incidents', 'audit']],
    ['admin', ['users', 'departments', 'apiKeys', 'planTargets', 'audit']],
    ['dispatcher', ['overview', 'thematic', 'incidents', 'dispatch']],
    ['operator', ['overview', 'thematic', 'incidents']],
    ['inspector', ['field']],
    ['intake', ['intake']],
    ['shiftLead', ['overview', 'thematic', 'incidents', 'shift']],
  ] as const)('%s sees %j', (role, expected) => {
    expect(ids(role)).toEqual(expected)
  })

  it('links a handler to its own department first, then its incidents', () => {
    expect(navItemsFor(meFor('handler')).map((i) => i.to)).toEqual([
      '/departments/cgj',
      '/incidents',
    ])
  })

  it('renders only the allowed links in the header (handler)', async () => {
    stubApi({
      'GET /api/me': () => json(200, meFor('handler')),
      'GET /api/cases': () => json(200, { total: 0, items: [] }),
      'GET /api/departments/cgj/incident-assignments': () => json(200, { total: 0, items: [] }),
      'GET /api/departments/cgj': () =>
        json(200, {
          department: {
            code: 'cgj',
            name: '郑州市城市管理局',
            nameEn: 'Urban Management',
            kind: 'cityManagement',
          },
          activeHandlers: 2,
        }),
    })
    renderApp('/departments/cgj')
    const nav = await screen.findByRole('navigation', { name: '主导航' })
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['部门工作台', '事件处置'])
    expect(await screen.findByTestId('home-handler')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      '部门工作台 · 郑州市城市管理局',
    )
    expect(await screen.findByText('暂无派给本部门的在办工作')).toBeTruthy()
  })

  it('renders the leader’s and the admin’s links', async () => {
    stubApi({
      'GET /api/me': () => json(200, meFor('admin')),
      'GET /api/admin/users': () => json(200, { items: [] }),
      'GET /api/departments': () => json(200, { items: [] }),
    })
    renderApp('/admin/users')
    const nav = await screen.findByRole('navigation', { name: '主导航' })
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['用户管理', '部门管理', 'API 密钥', '目标设置', '审计日志'])
    expect(await screen.findByTestId('home-admin')).toBeTruthy()
    expect(screen.getByText('还没有用户')).toBeTruthy()
  })
})
