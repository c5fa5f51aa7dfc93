import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { OfflineBanner } from './offline-banner'
import { EmptyState, ErrorState, LoadingState } from './states'

describe('state components', () => {
  it('announces errors as alerts', () => {
    render(<ErrorState title="地图不可用" description="WebGL2 is required" />)
    expect(screen.getByRole('alert').textContent).toContain('地图不可用')
  })

  it('announces loading politely', () => {
    render(<LoadingState label="正在加载地图…" />)
    const status = screen.getByRole('status')
    expect(status.getAttribute('aria-busy')).toBe('true')
    expect(status.textContent).toBe('正在加载地图…')
  })

  it('renders an empty state without a live region', () => {
    render(<EmptyState title="暂无数据" description="尚未接入实时数据" />)
    expect(screen.getByText('暂无数据')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows the offline banner as an alert', () => {
    render(<OfflineBanner message="无法连接服务器" detail="正在重试" />)
    expect(screen.getByRole('alert').textContent).toContain('无法连接服务器')
  })
})
