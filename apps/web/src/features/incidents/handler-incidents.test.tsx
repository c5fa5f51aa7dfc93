import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'
import { assignment, DEPARTMENTS, detail } from './incident-fixtures'

const DEPARTMENT = {
  department: {
    code: 'cgj',
    name: '郑州市城市管理局',
    nameEn: 'Urban Management',
    kind: 'cityManagement',
  },
  activeHandlers: 2,
}

function handlerPage(routes: Parameters<typeof stubApi>[0]) {
  return stubApi({
    'GET /api/me': () => json(200, meFor('handler')),
    'GET /api/departments': () => json(200, DEPARTMENTS),
    'GET /api/departments/cgj': () => json(200, DEPARTMENT),
    'GET /api/cases': () => json(200, { total: 0, items: [] }),
    ...routes,
  })
}

describe('department page: emergency assignments', () => {
  it('acknowledges, then offers 出发 (and nothing for the other department)', async () => {
    const fire = assignment('xfzd', { allowedActions: [] })
    const assigned = [fire, assignment('cgj', { allowedActions: ['acknowledge'] })]
    const answer = detail({ departments: ['xfzd', 'cgj'], version: 4 }, [
      fire,
      assignment('cgj', {
        status: 'acknowledged',
        acknowledgedAt: '2026-05-04T02:01:00.000Z',
        allowedActions: ['enRoute'],
      }),
    ])
    const listed = detail({ departments: ['xfzd', 'cgj'] }, assigned)
    const { calls } = handlerPage({
      // the list as the BFF answers it: this department's unfinished assignments only
      'GET /api/departments/cgj/incident-assignments': () =>
        json(200, {
          total: 1,
          items: [
            {
              incident: listed.incident,
              assignment: listed.assignments.find((a) => a.departmentCode === 'cgj'),
            },
          ],
        }),
      'POST /api/incidents/inc1/actions': () => json(200, answer),
    })
    renderApp('/departments/cgj')
    const card = await screen.findByTestId('handler-incident-inc1')
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['签收'])
    expect(screen.getByTestId('handler-incidents').textContent).toContain('1 项待推进')

    fireEvent.click(within(card).getByTestId('assignment-action-acknowledge'))
    expect(await within(card).findByTestId('assignment-action-enRoute')).toBeTruthy()
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.body).toEqual({
      action: 'acknowledge',
      expectedVersion: 3,
      assignmentId: 'as-cgj',
    })
    expect(new Headers(post?.init.headers).get('idempotency-key')).toBeTruthy()
    expect(within(card).queryByTestId('assignment-action-acknowledge')).toBeNull()
    // one list request, no detail read per incident
    expect(calls.filter((c) => c.method === 'GET' && c.path.startsWith('/api/incidents'))).toEqual(
      [],
    )
  })

  it('says when the department has no emergency assignment, above its case queue', async () => {
    handlerPage({
      'GET /api/departments/cgj/incident-assignments': () => json(200, { total: 0, items: [] }),
    })
    renderApp('/departments/cgj')
    expect((await screen.findByTestId('handler-incidents-empty')).textContent).toBe('无待处置事件')
    expect(await screen.findByText('暂无派给本部门的在办工作')).toBeTruthy()
  })
})
