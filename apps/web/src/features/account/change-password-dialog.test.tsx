import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

async function openDialog() {
  const menu = await screen.findByTestId('user-menu-button')
  fireEvent.click(menu)
  fireEvent.click(screen.getByRole('menuitem', { name: '修改密码' }))
  return screen.getByRole('dialog', { name: '修改密码' })
}

describe('change password dialog', () => {
  it('shows the domain’s problems live while typing', async () => {
    stubApi({ 'GET /api/me': () => json(200, meFor('intake')) })
    renderApp('/intake')
    const dialog = await openDialog()
    const next = within(dialog).getByLabelText('新密码')
    fireEvent.change(next, { target: { value: 'intake1' } })
    const hints = within(dialog).getByTestId('password-hints')
    expect(hints.textContent).toContain('密码至少 12 个字符')
    expect(hints.textContent).toContain('密码不能包含用户名')
    expect(next.getAttribute('aria-describedby')).toBeTruthy()

    fireEvent.change(next, { target: { value: 'Qiu-shui-42-Lantern' } })
    expect(within(dialog).queryByTestId('password-hints')).toBeNull()
    expect(dialog.textContent).toContain('新密码符合要求。')
  })

  it('shows the server’s problems when it refuses the password', async () => {
    const { calls } = stubApi({
      'GET /api/me': () => json(200, meFor('intake')),
      'POST /api/me/password': () =>
        json(400, {
          error: '新密码不符合要求 / The new password is too weak',
          problems: ['common'],
        }),
    })
    renderApp('/intake')
    const dialog = await openDialog()
    fireEvent.change(within(dialog).getByLabelText('当前密码'), { target: { value: 'old' } })
    fireEvent.change(within(dialog).getByLabelText('新密码'), {
      target: { value: 'Qiu-shui-42-Lantern' },
    })
    fireEvent.change(within(dialog).getByLabelText('确认新密码'), {
      target: { value: 'Qiu-shui-42-Lantern' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: '修改密码' }))
    const refused = await within(dialog).findByTestId('password-refused')
    expect(refused.textContent).toContain('新密码不符合要求')
    expect(refused.textContent).toContain('密码包含常见密码或易猜词，请换一个')
    expect(calls.find((c) => c.path === '/api/me/password')?.body).toEqual({
      currentPassword: 'old',
      newPassword: 'Qiu-shui-42-Lantern',
    })
  })

  it('does not send a mismatched confirmation, and Escape closes back to the menu button', async () => {
    const { calls } = stubApi({ 'GET /api/me': () => json(200, meFor('intake')) })
    renderApp('/intake')
    const dialog = await openDialog()
    fireEvent.change(within(dialog).getByLabelText('当前密码'), { target: { value: 'old' } })
    fireEvent.change(within(dialog).getByLabelText('新密码'), {
      target: { value: 'Qiu-shui-42-Lantern' },
    })
    fireEvent.change(within(dialog).getByLabelText('确认新密码'), { target: { value: 'other' } })
    fireEvent.click(within(dialog).getByRole('button', { name: '修改密码' }))
    expect(dialog.textContent).toContain('两次输入的新密码不一致。')
    expect(calls.some((c) => c.path === '/api/me/password')).toBe(false)
    fireEvent.keyDown(within(dialog).getByLabelText('当前密码'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByTestId('user-menu-button'))
  })
})
