import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { MenuButton } from './menu-button'

function renderMenu(onLogout = vi.fn()) {
  render(
    <MenuButton
      label="张三"
      buttonLabel="用户菜单"
      data-testid="user-menu-button"
      items={[
        { id: 'password', label: '修改密码', onSelect: () => undefined },
        { id: 'logout', label: '退出登录', onSelect: onLogout, 'data-testid': 'logout' },
      ]}
    />,
  )
  return screen.getByRole('button', { name: '用户菜单' })
}

describe('MenuButton', () => {
  it('opens on click with focus on the first item and reports expanded', () => {
    const button = renderMenu()
    expect(button.getAttribute('aria-haspopup')).toBe('menu')
    expect(button.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(button)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByRole('menu', { name: '用户菜单' })).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: '修改密码' }))
  })

  it('moves with the arrow keys and closes on Escape, returning focus to the button', () => {
    const button = renderMenu()
    fireEvent.keyDown(button, { key: 'ArrowDown' })
    const first = screen.getByRole('menuitem', { name: '修改密码' })
    fireEvent.keyDown(first, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: '退出登录' }))
    fireEvent.keyDown(document.activeElement ?? first, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(first)
    fireEvent.keyDown(first, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('calls the chosen item and closes', () => {
    const onLogout = vi.fn()
    const button = renderMenu(onLogout)
    fireEvent.click(button)
    fireEvent.click(screen.getByTestId('logout'))
    expect(onLogout).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('closes on a click outside', () => {
    const button = renderMenu()
    fireEvent.click(button)
    fireEvent.pointerDown(document.body)
    expect(screen.queryByRole('menu')).toBeNull()
  })
})
