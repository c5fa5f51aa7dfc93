import { can, userActor } from '@cityops/domain'
import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AuditPage, AuditRow } from '../../api/audit'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

const row = (id: string, outcome: AuditRow['outcome']): AuditRow => ({
  id,
  at: '2026-05-01T08:30:05+08:00',
  actorId: 'u-admin',
  actorName: 'admin',
  role: 'admin',
  address: '127.0.0.1',
  action: 'auth.login',
  objectType: 'user',
  objectId: id,
  outcome,
  detail: { reason: 'test' },
  hash: 'a'.repeat(64),
})

// The first page points to the second with `nextBefore`.
const PAGES: Record<string, AuditPage> = {
  '': { items: [row('a3', 'success'), row('a2', 'denied')], nextBefore: 'a2' },
  a2: { items: [row('a1', 'failure')], nextBefore: null },
}

function stubAudit(role: 'admin' | 'leader') {
  return stubApi({
    'GET /api/me': () => json(200, meFor(role)),
    'GET /api/audit': ({ search }) => json(200, PAGES[search.get('before') ?? '']),
  })
}

describe('audit viewer', () => {
  it('shows outcomes with icon and text, and loads more with nextBefore', async () => {
    const { calls } = stubAudit('admin')
    renderApp('/audit?outcome=denied&actor=admin')
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(2)
    const outcomes = screen.getAllByTestId('audit-outcome')
    expect(outcomes.map((o) => o.textContent)).toEqual(['成功', '拒绝'])
    expect(outcomes[1]?.querySelector('svg')).not.toBeNull()

    fireEvent.click(screen.getByTestId('audit-load-more'))
    expect(await screen.findByText('已显示全部 3 条记录。')).toBeTruthy()
    expect(screen.queryByTestId('audit-load-more')).toBeNull()
    const audits = calls.filter((c) => c.path === '/api/audit')
    expect(audits.map((c) => Object.fromEntries(c.search))).toEqual([
      { actor: 'admin', outcome: 'denied', limit: '50' },
      { actor: 'admin', outcome: 'denied', limit: '50', before: 'a2' },
    ])
  })

  it('applies filters through the URL and exports CSV with the same filters', async () => {
    stubAudit('admin')
    renderApp('/audit')
    const filters = await screen.findByTestId('audit-filters')
    fireEvent.change(within(filters).getByLabelText('操作'), { target: { value: 'user.update' } })
    fireEvent.change(within(filters).getByLabelText('结果'), { target: { value: 'failure' } })
    fireEvent.submit(filters)
    expect(screen.getByTestId('location').textContent).toBe(
      '/audit?action=user.update&outcome=failure',
    )
    expect(screen.getByTestId('audit-export').getAttribute('href')).toBe(
      '/api/audit/export.csv?action=user.update&outcome=failure',
    )
  })

  it('offers the export to a leader exactly when the policy grants audit.export', async () => {
    stubAudit('leader')
    renderApp('/audit')
    await screen.findAllByTestId('audit-row')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('审计日志')
    const canExport = can(userActor(meFor('leader').user), 'audit.export')
    expect(screen.queryByTestId('audit-export') !== null).toBe(canExport)
  })

  it('says so when the server cannot be reached', async () => {
    stubApi({
      'GET /api/me': () => json(200, meFor('admin')),
      'GET /api/audit': () => {
        throw new TypeError('Failed to fetch')
      },
    })
    renderApp('/audit')
    expect(await screen.findByText('无法连接到服务器')).toBeTruthy()
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
  })
})
