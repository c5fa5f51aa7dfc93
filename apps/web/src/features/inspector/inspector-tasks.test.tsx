import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CaseItem } from '../../api/cases'
import { json, meFor, stubApi } from '../../test/api-stub'
import { caseItem } from '../../test/case-item'
import { renderApp } from '../../test/render-app'

// The inspector's 我的任务 tab on /field: the 核查 given to someone else stay off the list.

const task = (n: number, over: Partial<CaseItem>) => caseItem(n, { status: 'CHECKING', ...over })

function fieldApp(items: CaseItem[]) {
  return stubApi({
    'GET /api/me': () => json(200, meFor('inspector')),
    'GET /api/case-categories': () => json(200, { items: [] }),
    'GET /api/cases': () => json(200, { total: items.length, items }),
  })
}

describe('inspector tasks', () => {
  it('lists my checks and the open ones, and counts those given to other inspectors', async () => {
    fieldApp([
      task(1, { checkInspector: 'u-inspector' }),
      task(2, { checkInspector: 'u-wang' }),
      task(3, {}),
      task(4, { status: 'ACCEPTED' }),
    ])
    renderApp('/field?tab=tasks')
    const list = await screen.findByTestId('inspector-tasks')
    const text = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '')
    expect(text.map((s) => s.match(/人行道乱堆杂物 \d/)?.[0])).toEqual([
      '人行道乱堆杂物 1',
      '人行道乱堆杂物 3',
      '人行道乱堆杂物 4',
    ])
    expect(screen.getByTestId('inspector-others').textContent).toBe(
      '另有 1 项核查已指派给其他监督员。',
    )
  })

  it('says the list is empty when every check went to someone else, and why', async () => {
    fieldApp([task(2, { checkInspector: 'u-wang' })])
    renderApp('/field?tab=tasks')
    expect(await screen.findByTestId('inspector-others')).toBeTruthy()
    expect(screen.queryByTestId('inspector-tasks')).toBeNull()
  })
})
