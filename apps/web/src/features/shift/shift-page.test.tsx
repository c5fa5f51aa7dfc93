import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CaseItem } from '../../api/cases'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

// The shift lead's 待审批 tab: the list itself says which cases wait on a request and which
// request, so no case detail is read to find them.

const dispatched = (n: number, over: Partial<CaseItem>): CaseItem => ({
  id: `c${n}`,
  requestNumber: `ZZ-2026-00${n}`,
  kind: 'event',
  categoryCode: '0106',
  componentId: null,
  gridCode: null,
  status: 'DISPATCHED',
  description: `人行道乱堆杂物 ${n}`,
  address: null,
  location: { type: 'Point', coordinates: [113.62, 34.75] },
  districtCode: '410105',
  channel: 'hotline',
  mediaUrl: null,
  deadline: null,
  responsibleDepartment: 'cgj',
  reportedAt: `2026-11-20T0${n}:00:00+08:00`,
  updatedAt: `2026-11-20T0${n}:00:00+08:00`,
  version: 4,
  pendingRequest: null,
  ...over,
})

describe('shift lead approvals', () => {
  it('asks the list for cases with an open request and tags each with its kind', async () => {
    const { calls } = stubApi({
      'GET /api/me': () => json(200, meFor('shiftLead')),
      'GET /api/departments': () => json(200, { items: [] }),
      'GET /api/case-categories': () => json(200, { items: [] }),
      'GET /api/cases': () =>
        json(200, {
          total: 2,
          items: [
            dispatched(1, { pendingRequest: 'extension' }),
            dispatched(2, { pendingRequest: 'return' }),
          ],
        }),
    })
    renderApp('/shift?tab=approvals')
    const first = await screen.findByTestId('case-row-ZZ-2026-001')
    expect(first.textContent).toContain('延期申请')
    expect(within(screen.getByTestId('case-row-ZZ-2026-002')).getByText('回退申请')).toBeTruthy()
    expect(screen.getByTestId('queue-count').textContent).toContain('2')
    const lists = calls.filter((c) => c.path === '/api/cases')
    expect(lists.at(-1)?.search.get('pending')).toBe('true')
    expect(lists.at(-1)?.search.get('status')).toBe('DISPATCHED')
    expect(calls.some((c) => /^\/api\/cases\/c\d$/.test(c.path))).toBe(false)
  })
})
