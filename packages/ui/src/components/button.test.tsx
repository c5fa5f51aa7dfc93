import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { Button } from './button'

describe('Button', () => {
  it('is a real button that does not submit forms by default', () => {
    render(<Button>English</Button>)
    const button = screen.getByRole('button', { name: 'English' })
    expect(button.tagName).toBe('BUTTON')
    expect(button.getAttribute('type')).toBe('button')
  })

  it('calls onClick, and not when disabled', () => {
    const onClick = vi.fn()
    const { rerender } = render(<Button onClick={onClick}>切换</Button>)
    fireEvent.click(screen.getByRole('button'))
    expect(onClick).toHaveBeenCalledTimes(1)
    rerender(
      <Button onClick={onClick} disabled>
        切换
      </Button>,
    )
    fireEvent.click(screen.getByRole('button'))
    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it('is focusable by keyboard and exposes aria-pressed for toggles', () => {
    render(
      <Button variant="primary" aria-pressed="true">
        Wall
      </Button>,
    )
    const button = screen.getByRole('button', { name: 'Wall', pressed: true })
    button.focus()
    expect(document.activeElement).toBe(button)
    expect(button.className).toContain('co-button--primary')
  })
})
