import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

describe('API keys page', () => {
  it('creates a key with the chosen scopes and shows the secret once', async () => {
    let items: unknown[] = []
    const { calls } = stubApi({
      'GET /api/me': () => json(200, meFor('admin')),
      'GET /api/departments': () => json(200, { items: [] }),
      'GET /api/admin/api-keys': () => json(200, { items }),
      'POST /api/admin/api-keys': () => {
        const key = {
          id: 'k1',
          name: '12345 热线平台',
          prefix: 'co_ab12',
          scopes: ['ingest.open311'],
          departmentCode: null,
        }
        items = [key]
        return json(201, { ...key, key: 'co_ab12.secret-value' })
      },
    })
    renderApp('/admin/api-keys')
    expect(await screen.findByText('还没有 API 密钥')).toBeTruthy()
    fireEvent.click(screen.getByTestId('api-key-create'))
    const dialog = screen.getByRole('dialog', { name: '新建 API 密钥' })
    fireEvent.click(within(dialog).getByTestId('api-key-submit'))
    expect(dialog.textContent).toContain('至少选择一项权限。')

    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '12345 热线平台' } })
    fireEvent.click(within(dialog).getByLabelText('接入市民诉求（Open311）'))
    fireEvent.click(within(dialog).getByTestId('api-key-submit'))

    const created = await screen.findByRole('alertdialog', { name: '密钥已创建' })
    expect(within(created).getByTestId('api-key-secret').textContent).toBe('co_ab12.secret-value')
    expect(created.textContent).toContain('密钥只显示这一次')
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '12345 热线平台',
      scopes: ['ingest.open311'],
    })
    fireEvent.click(within(created).getByRole('button', { name: '我已保存' }))
    await waitFor(() => expect(screen.queryByText('co_ab12.secret-value')).toBeNull())
    expect(await screen.findByTestId('api-keys-table')).toBeTruthy()
  })
})
