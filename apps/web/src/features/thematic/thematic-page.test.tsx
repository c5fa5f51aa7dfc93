import type { AreaFeatureCollection, ChoroplethResult } from '@cityops/domain'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, meFor, stubApi, type StubCall } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

// The canvas parts cannot draw in jsdom: the map reports what it was given instead, the
// ranking chart and the leader's tools (tested in their own folders) stay out of the way.
vi.mock('./thematic-map', () => ({
  ThematicMap: (p: { colors: ReadonlyMap<string, string>; focused: { code: string } | null }) => (
    <div data-testid="thematic-map" data-focused={p.focused?.code ?? ''}>
      {[...p.colors].map(([code, color]) => `${code}=${color}`).join(';')}
    </div>
  ),
}))
vi.mock('./ranking-chart', () => ({ default: () => <div data-testid="ranking-chart" /> }))
vi.mock('../thematic-tools', () => ({
  TimeMachine: () => null,
  KpiTrends: () => null,
  BriefingExport: () => null,
}))

const square = (x: number) => [
  [
    [x, 34],
    [x + 0.1, 34],
    [x + 0.1, 34.1],
    [x, 34.1],
    [x, 34],
  ],
]
const AREAS: AreaFeatureCollection = {
  type: 'FeatureCollection',
  features: ['410102', '410103', '410104', '410105'].map((code, i) => ({
    type: 'Feature',
    id: code,
    properties: { code, name: code, nameEn: null, districtCode: null },
    geometry: { type: 'Polygon', coordinates: square(113 + i / 10) },
  })),
}

function choropleth(values: (number | null)[], breaks: number[]): ChoroplethResult {
  return {
    indicator: 'incidents.count',
    level: 'district',
    from: '2026-11-17T00:00:00+08:00',
    to: '2026-11-24T00:00:00+08:00',
    method: 'quantile',
    breaks,
    counts: breaks.map(
      (b, i) =>
        values.filter((v) => v !== null && v <= b && v > (breaks[i - 1] ?? -Infinity)).length,
    ),
    areas: values.map((value, i) => ({
      code: `41010${i + 2}`,
      name: ['中原区', '二七区, 西', '管城回族区', '金水区'][i] ?? `区${i}`,
      value,
      class: value === null ? null : breaks.findIndex((b) => value <= b),
      basis: value ?? 0,
    })),
    dataTime: '2026-11-23T08:00:00+08:00',
  }
}

function stubThematic(choroplethAnswer: (call: StubCall) => Response) {
  return stubApi({
    'GET /api/me': () => json(200, meFor('leader')),
    'GET /api/analytics/indicators': () =>
      json(200, {
        indicators: [
          {
            id: 'incidents.count',
            levels: [
              { level: 'district', available: true },
              { level: 'township', available: true },
              { level: 'grid', available: false, reason: { zh: '未导入网格', en: 'No grid' } },
            ],
          },
        ],
      }),
    'GET /api/analytics/areas': () => json(200, AREAS),
    'GET /api/analytics/choropleth': choroplethAnswer,
    'GET /api/analytics/targets': () => json(200, { version: 1, targets: [] }),
    'GET /api/analytics/timeseries': () => json(200, { total: 7, points: [] }),
    'GET /api/case-categories': () => json(200, { items: [] }),
    'GET /api/departments': () => json(200, { items: [] }),
  })
}

// The page is a lazy chunk: its first load in a test run takes a while on a busy machine.
const WAIT = { timeout: 10_000 }

// jsdom's Blob has no text(): read it the way a browser without it would.
const readBlob = (blob: Blob) =>
  new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsArrayBuffer(blob)
  })

const location = () => screen.getByTestId('location').textContent ?? ''

// A busy machine (several helpers' builds and suites) makes the first renders slow.
describe('thematic page', { timeout: 30_000 }, () => {
  // Loads the lazy chunk once, outside any single test's time budget.
  beforeAll(async () => {
    await import('./thematic-page')
  }, 30_000)

  let blobs: Blob[]
  beforeEach(() => {
    blobs = []
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (b: Blob) => {
          blobs.push(b)
          return 'blob:test'
        },
        revokeObjectURL: () => undefined,
      }),
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  it('shows the API’s classes in the legend and every area in the table; the CSV is the table', async () => {
    stubThematic(() => json(200, choropleth([3, 12.5, 40, null], [3, 12.5, 40])))
    renderApp('/thematic?sort=code&dir=asc')
    const legend = await screen.findAllByTestId('legend-class', undefined, WAIT)
    expect(legend.map((r) => r.dataset.break)).toEqual(['3', '12.5', '40'])
    expect(legend.map((r) => r.textContent)).toEqual([
      '≤ 31 个',
      '> 3 至 ≤ 131 个',
      '> 13 至 ≤ 401 个',
    ])
    expect(screen.getByTestId('legend-no-data').textContent).toBe('无数据1 个')

    const table = screen.getByTestId('area-table')
    const rows = within(table)
      .getAllByRole('row')
      .map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      )
    expect(rows.slice(1)).toEqual([
      ['410102', '中原区', '3', '第1级'],
      ['410103', '二七区, 西', '13', '第2级'],
      ['410104', '管城回族区', '40', '第3级'],
      ['410105', '金水区', '—', '—'],
    ])

    fireEvent.click(screen.getByTestId('export-csv'))
    expect(blobs).toHaveLength(1)
    const bytes = new Uint8Array(await readBlob(blobs[0] as Blob))
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(csv.slice(1).split('\r\n').filter(Boolean)).toEqual([
      '代码,名称,数值,级别',
      ...rows
        .slice(1)
        .map((cells) => cells.map((c) => (c?.includes(',') ? `"${c}"` : c)).join(',')),
    ])
  })

  it('keeps every control labelled and in the URL; classes only take 2–9', async () => {
    const { calls } = stubThematic(() => json(200, choropleth([1, 2], [1, 2])))
    renderApp('/thematic')
    await screen.findAllByTestId('legend-class', undefined, WAIT)
    fireEvent.change(screen.getByLabelText('分级方法'), { target: { value: 'jenks' } })
    await waitFor(() => expect(location()).toContain('method=jenks'), WAIT)
    const classes = screen.getByLabelText('分级数')
    fireEvent.change(classes, { target: { value: '12' } })
    expect(location()).not.toContain('classes=')
    fireEvent.change(classes, { target: { value: '3' } })
    await waitFor(() => expect(location()).toContain('classes=3'), WAIT)
    await waitFor(
      () =>
        expect(
          calls.some(
            (c) =>
              c.path === '/api/analytics/choropleth' &&
              c.search.get('method') === 'jenks' &&
              c.search.get('classes') === '3',
          ),
        ).toBe(true),
      WAIT,
    )
    // The grid is listed but cannot be chosen; its reason is in the option.
    const grid = within(screen.getByLabelText('统计单元')).getByRole('option', { name: /单元网格/ })
    expect(grid).toHaveProperty('disabled', true)
    expect(grid.textContent).toContain('未导入网格')
  })

  it('sorts by a column header button and rings the area whose row has keyboard focus', async () => {
    stubThematic(() => json(200, choropleth([3, 12, 40], [3, 12, 40])))
    renderApp('/thematic')
    const table = await screen.findByTestId('area-table', undefined, WAIT)
    const firstCode = () => within(table).getAllByRole('row')[1]?.querySelector('td')?.textContent
    expect(firstCode()).toBe('410104')
    const nameHeader = within(table).getByRole('button', { name: '名称' })
    fireEvent.click(nameHeader)
    await waitFor(() => expect(location()).toContain('sort=name'), WAIT)
    expect(nameHeader.closest('th')?.getAttribute('aria-sort')).toBe('ascending')
    const row = within(table).getAllByRole('row')[2] as HTMLElement
    expect(row.tabIndex).toBe(0)
    fireEvent.focus(row)
    expect(screen.getByTestId('thematic-map').dataset.focused).toBe(row.dataset.code)
  })

  it('compares two periods: the map and table show current − previous', async () => {
    const { calls } = stubThematic(({ search }) =>
      search.get('from') === '2026-11-10T00:00:00+08:00'
        ? json(200, choropleth([5, 5, 5], [5]))
        : json(200, choropleth([1, 5, 9], [1, 5, 9])),
    )
    renderApp(
      '/thematic?range=custom&from=2026-11-17T00:00&to=2026-11-24T00:00&compare=previous&classes=2&sort=code&dir=asc',
    )
    const table = await screen.findByTestId('area-table', undefined, WAIT)
    await waitFor(() => expect(within(table).getAllByRole('columnheader')).toHaveLength(6), WAIT)
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].slice(2, 5).map((c) => c.textContent))
    expect(cells).toEqual([
      ['1', '5', '−4'],
      ['5', '5', '0'],
      ['9', '5', '+4'],
    ])
    expect(calls.filter((c) => c.path === '/api/analytics/choropleth')).toHaveLength(2)
    // Symmetric breaks around zero; two classes cannot split −4 from 0, so that class is
    // neutral and only the increase is purple.
    expect(screen.getByTestId('thematic-map').textContent).toBe(
      '410102=#f7f7f7;410103=#f7f7f7;410104=#998ec3',
    )
    expect(screen.getAllByTestId('legend-class').map((r) => r.dataset.break)).toEqual(['0', '4'])
  })

  it('shows the API’s reason when a level cannot be mapped (422)', async () => {
    stubThematic(() =>
      json(422, { error: '本市尚未导入单元网格图层 / No unit-grid layer has been loaded' }),
    )
    renderApp('/thematic?level=grid')
    expect(
      (await screen.findByTestId('thematic-unavailable', undefined, WAIT)).textContent,
    ).toContain('本市尚未导入单元网格图层')
  })
})
