import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useAppStore } from '../../stores/app-store'
import { HealthBadge } from './health-badge'

function renderBadge() {
  // Fresh cache per test; retry off so a failure shows at once.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <QueryClientProvider client={client}>
      <HealthBadge />
    </QueryClientProvider>,
  )
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

async function badgeWithStatus(status: string) {
  const badge = screen.getByTestId('health-badge')
  await waitFor(() => expect(badge.getAttribute('data-status')).toBe(status))
  return badge
}

describe('HealthBadge', () => {
  it('shows loading until the first answer', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => undefined)),
    )
    renderBadge()
    expect(screen.getByTestId('health-badge').getAttribute('data-status')).toBe('loading')
  })

  it('maps 200 ok to "ok" with the database and versions in the tooltip', async () => {
    const fetchMock = vi.fn(async () =>
      json(200, { status: 'ok', database: 'pglite', migrations: '0003_units', version: '0.1.0' }),
    )
    vi.stubGlobal('fetch', fetchMock)
    renderBadge()
    const badge = await badgeWithStatus('ok')
    expect(badge.textContent).toContain('系统正常 · PGlite')
    expect(badge.getAttribute('title')).toBe('数据库迁移 0003_units · 版本 0.1.0')
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.anything())
  })

  it('speaks English when the locale is en', async () => {
    useAppStore.getState().setLocale('en')
    vi.stubGlobal('fetch', async () =>
      json(200, { status: 'ok', database: 'postgres', migrations: '0001', version: '0.1.0' }),
    )
    renderBadge()
    expect((await badgeWithStatus('ok')).textContent).toContain('System OK · PostgreSQL')
  })

  it('maps 503 to "degraded" with the reason', async () => {
    vi.stubGlobal('fetch', async () =>
      json(503, { status: 'degraded', database: 'postgres', reason: 'connection refused' }),
    )
    renderBadge()
    const badge = await badgeWithStatus('degraded')
    expect(badge.textContent).toContain('系统降级 · PostgreSQL')
    expect(badge.getAttribute('title')).toContain('connection refused')
  })

  it('maps a network failure to "offline"', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    renderBadge()
    expect((await badgeWithStatus('offline')).textContent).toContain('服务器离线')
  })

  it('maps a gateway error (proxy in front of a stopped BFF) to "offline"', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 502 }))
    renderBadge()
    await badgeWithStatus('offline')
  })

  it('maps an unexpected answer to "degraded", not "ok"', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html>', { status: 200 }))
    renderBadge()
    const badge = await badgeWithStatus('degraded')
    expect(badge.getAttribute('title')).toContain('HTTP 200')
  })
})
