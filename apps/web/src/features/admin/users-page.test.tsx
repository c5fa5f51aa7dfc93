import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AdminUser } from '../../api/admin-users'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

const ZHANG: AdminUser = {
  id: 'u-zhang',
  username: 'zhang.san',
  displayName: '张三',
  role: 'handler',
  departmentCode: 'cgj',
  active: true,
  lastLoginAt: null,
}

function stubAdmin(extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/me': () => json(200, meFor('admin')),
    'GET /api/admin/users': () => json(200, { items: [ZHANG] }),
    'GET /api/departments': () =>
      json(200, {
        items: [
          {
            code: 'cgj',
            name: '郑州市城市管理局',
            nameEn: 'Urban Management',
            kind: 'cityManagement',
          },
        ],
      }),
    ...extra,
  })
}

describe('users page', () => {
  it('lists users with role, department, status and last login', async () => {
    stubAdmin()
    renderApp('/admin/users')
    const row = await screen.findByTestId('user-row-zhang.san')
    expect(row.textContent).toContain('专业部门处置员')
    expect(row.textContent).toContain('郑州市城市管理局')
    expect(row.textContent).toContain('启用')
    expect(row.textContent).toContain('从未登录')
  })

  it('validates a new user with the domain rules before sending it', async () => {
    const { calls } = stubAdmin({ 'POST /api/admin/users': () => json(201, ZHANG) })
    renderApp('/admin/users')
    fireEvent.click(await screen.findByTestId('user-create'))
    const dialog = screen.getByRole('dialog', { name: '新建用户' })
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'Zhang San' } })
    fireEvent.change(within(dialog).getByLabelText('角色'), { target: { value: 'handler' } })
    fireEvent.click(within(dialog).getByTestId('user-form-submit'))
    expect(dialog.textContent).toContain('用户名格式不正确。')
    expect(dialog.textContent).toContain('请输入 1–100 个字符的姓名。')
    expect(dialog.textContent).toContain('请为专业部门处置人员选择部门。')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'li.si' } })
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '李四' } })
    fireEvent.change(within(dialog).getByLabelText('部门'), { target: { value: 'cgj' } })
    fireEvent.change(within(dialog).getByLabelText('初始密码'), {
      target: { value: 'Qiu-shui-42-Lantern' },
    })
    fireEvent.click(within(dialog).getByTestId('user-form-submit'))
    await screen.findByTestId('user-row-zhang.san')
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'li.si',
      displayName: '李四',
      role: 'handler',
      departmentCode: 'cgj',
      password: 'Qiu-shui-42-Lantern',
    })
  })

  it('asks before deactivating, saying the sessions end', async () => {
    const { calls } = stubAdmin({
      'PATCH /api/admin/users/u-zhang': () => json(200, { ...ZHANG, active: false }),
    })
    renderApp('/admin/users')
    fireEvent.click(await screen.findByRole('button', { name: '停用 zhang.san' }))
    const dialog = screen.getByRole('alertdialog', { name: '停用用户 zhang.san？' })
    expect(dialog.textContent).toContain('停用后该用户的所有会话将立即结束')
    fireEvent.click(within(dialog).getByRole('button', { name: '确认停用' }))
    await screen.findByTestId('user-row-zhang.san')
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ active: false })
  })
})
