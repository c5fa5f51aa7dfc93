import { fireEvent, screen, within } from '@testing-library/react'
import { useRef } from 'react'
import { describe, expect, it } from 'vitest'
import type { CaseItem } from '../../api/cases'
import { json, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'
import { CaseList } from '../desk/case-list'
import { useUrlView } from '../desk/use-url-view'
import { DispatchFilters } from './dispatch-filters'
import { apiFiltersOf, searchFromView, viewFromSearch } from './dispatch-url'
import { orderByBreach } from './queue-order'

const NOW = Date.parse('2026-05-04T10:00:00+08:00')

const item = (n: number, overrides: Partial<CaseItem> = {}): CaseItem => ({
  id: `c${n}`,
  requestNumber: `ZZ2026050400${n}`,
  kind: 'event',
  categoryCode: '0101',
  componentId: null,
  gridCode: null,
  status: 'FILED',
  description: `case ${n}`,
  address: `路 ${n} 号`,
  location: { type: 'Point', coordinates: [113.6, 34.7] },
  districtCode: '410105',
  channel: 'hotline',
  mediaUrl: null,
  deadline: null,
  responsibleDepartment: null,
  reportedAt: `2026-05-04T0${n}:00:00+08:00`,
  updatedAt: `2026-05-04T0${n}:00:00+08:00`,
  version: 1,
  sla: null,
  ...overrides,
})

const sla = (deadline: string, remainingMinutes: number, extra = {}) => ({
  deadline,
  remainingMinutes,
  overdue: remainingMinutes < 0,
  breachSoon: false,
  paused: false,
  predictedBreach: null,
  ...extra,
})

describe('dispatch queue order', () => {
  const overdue = item(1, { sla: sla('2026-05-04T09:00:00+08:00', -60) })
  const soon = item(2, { sla: sla('2026-05-04T11:00:00+08:00', 60) })
  const later = item(3, { sla: sla('2026-05-05T11:00:00+08:00', 600) })
  // Paused with 30 minutes left: due in 30 minutes from now, before `soon`.
  const paused = item(4, { sla: sla('2026-05-06T11:00:00+08:00', 30, { paused: true }) })
  const noClockOld = item(5)
  const noClockNew = item(6)

  it('puts the soonest breach first and cases without a clock last, newest first', () => {
    const ordered = orderByBreach([noClockOld, later, soon, noClockNew, overdue, paused], NOW)
    expect(ordered.map((c) => c.id)).toEqual(['c1', 'c4', 'c2', 'c3', 'c6', 'c5'])
  })

  it('falls back to the raw deadline when the server sends no SLA block', () => {
    const a = item(1, { deadline: '2026-05-04T12:00:00+08:00' })
    const b = item(2, { deadline: '2026-05-04T11:00:00+08:00' })
    expect(orderByBreach([a, b], NOW).map((c) => c.id)).toEqual(['c2', 'c1'])
  })

  it('shows the rows in that order with their clocks', async () => {
    stubApi({ 'GET /api/departments': () => json(200, { items: [] }) })
    const items = orderByBreach([later, overdue, soon], NOW)
    renderApp(
      '/dispatch',
      <CaseList label="queue" items={items} now={NOW} selectedId="c2" onOpen={() => undefined} />,
    )
    const rows = screen.getAllByTestId(/^case-row-/)
    expect(rows.map((r) => r.dataset.testid)).toEqual([
      'case-row-ZZ20260504001',
      'case-row-ZZ20260504002',
      'case-row-ZZ20260504003',
    ])
    expect(within(rows[0] as HTMLElement).getByTestId('sla-tag').textContent).toBe(
      '已超时 1 小时 0 分',
    )
    expect(within(rows[1] as HTMLElement).getByTestId('sla-tag').textContent).toBe(
      '距超时 1 小时 0 分',
    )
    expect(rows[1]?.dataset.open).toBe('true')
  })
})

describe('dispatch filters in the URL', () => {
  it('reads, defaults and writes the view', () => {
    const view = viewFromSearch(
      new URLSearchParams(
        'status=RETURNED,BOGUS&district=410105&overdue=maybe&supervised=true&case=c9',
      ),
    )
    expect(view).toMatchObject({
      status: ['RETURNED'],
      district: '410105',
      overdue: '',
      supervised: true,
      selected: 'c9',
    })
    expect(searchFromView(view).toString()).toBe(
      'status=RETURNED&district=410105&supervised=true&case=c9',
    )
    expect(searchFromView(viewFromSearch(new URLSearchParams(''))).toString()).toBe('')
    expect(apiFiltersOf(view)).toEqual({
      status: ['RETURNED'],
      district: '410105',
      supervised: true,
      sort: 'breach',
      category: undefined,
      department: undefined,
      overdue: undefined,
      q: undefined,
    })
  })

  function FiltersHarness() {
    const [view, update] = useUrlView(viewFromSearch, searchFromView)
    const searchRef = useRef<HTMLInputElement>(null)
    return <DispatchFilters view={view} onChange={update} searchRef={searchRef} />
  }

  it('puts each filter change into the URL and keeps the open case', async () => {
    stubApi({
      'GET /api/departments': () =>
        json(200, { items: [{ code: 'cgj', name: '城管局', nameEn: 'Urban Mgmt', kind: 'city' }] }),
      'GET /api/case-categories': () => json(404, { error: 'not yet' }),
    })
    renderApp('/dispatch?case=c1', <FiltersHarness />)
    await screen.findByRole('option', { name: '城管局' }, { timeout: 5000 })
    fireEvent.change(screen.getByLabelText('责任部门'), { target: { value: 'cgj' } })
    fireEvent.change(screen.getByLabelText('时限'), { target: { value: 'true' } })
    fireEvent.click(screen.getByLabelText('仅督办件'))
    fireEvent.click(screen.getByLabelText('派遣'))
    expect(screen.getByTestId('location').textContent).toBe(
      '/dispatch?status=FILED%2CRETURNED&department=cgj&overdue=true&supervised=true&case=c1',
    )
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }))
    expect(screen.getByTestId('location').textContent).toBe('/dispatch?case=c1')
  })
})
