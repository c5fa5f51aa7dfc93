import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CaseItem } from '../../api/cases'
import { json, meFor, stubApi } from '../../test/api-stub'
import { caseItem } from '../../test/case-item'
import { renderApp } from '../../test/render-app'

// The shift lead's 待审批 tab: the list itself says which cases wait on a request and which
// request, so no case detail is read to find them.

const dispatched = (n: number, over: Partial<CaseItem>) => caseItem(n, over)

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
