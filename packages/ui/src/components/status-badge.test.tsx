import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { STATUS_KINDS, StatusBadge } from './status-badge'

describe('StatusBadge', () => {
  it.each(STATUS_KINDS)('shows %s with an icon and visible text, not colour alone', (status) => {
    render(<StatusBadge status={status} label={`label-${status}`} data-testid="badge" />)
    const badge = screen.getByTestId('badge')
    expect(badge.getAttribute('data-status')).toBe(status)
    expect(badge.textContent).toContain(`label-${status}`)
    expect(badge.querySelector('svg[aria-hidden="true"]')).not.toBeNull()
  })

  it('is a polite live region so changes are announced', () => {
    render(<StatusBadge status="ok" label="系统正常" />)
    const badge = screen.getByRole('status')
    expect(badge.getAttribute('aria-live')).toBe('polite')
    expect(badge.textContent).toBe('系统正常')
  })

  it('puts the detail in the tooltip, keeping the text exactly the label', () => {
    render(<StatusBadge status="degraded" label="Degraded" detail="migrations 0001 · v0.1.0" />)
    const badge = screen.getByRole('status', { description: 'migrations 0001 · v0.1.0' })
    expect(badge.getAttribute('title')).toBe('migrations 0001 · v0.1.0')
    expect(badge.textContent).toBe('Degraded')
  })

  it('updates its text in place when the status changes', () => {
    const { rerender } = render(<StatusBadge status="loading" label="Checking" />)
    rerender(<StatusBadge status="offline" label="Offline" />)
    const badge = screen.getByRole('status')
    expect(badge.getAttribute('data-status')).toBe('offline')
    expect(badge.textContent).toBe('Offline')
  })
})
