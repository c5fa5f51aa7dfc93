import { DEFAULT_CASE_GOALS, planTargets } from '@cityops/domain'
import type { IndicatorId, TimeseriesResult } from '@cityops/domain'
import { render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, stubApi } from '../../../test/api-stub'
import type { StubCall } from '../../../test/api-stub'
import { TestQuery } from '../test-client'
import { KpiTrends } from './kpi-trends'
import { resetCanvasProbe } from './trend-chart'

// A busy machine (two cores, several runners) can take seconds to settle.
const WAIT = { timeout: 5000 }

const FROM = '2026-10-24T00:00:00+08:00'
const TO = '2026-11-23T00:00:00+08:00'

// Period totals: speed below its target, good days above, closure with nothing due.
const TOTALS: Partial<Record<IndicatorId, number | null>> = {
  'traffic.arterialSpeedMean': 38.5,
  'env.goodDayRate': 0.85,
  'cases.closureRate': null,
  'cases.onTimeRate': 0.81,
}

function series(call: StubCall): TimeseriesResult {
  const indicator = call.search.get('indicator') as IndicatorId
  const total = TOTALS[indicator] ?? null
  return {
    indicator,
    bucket: call.search.get('bucket') === 'hour' ? 'hour' : 'day',
    from: call.search.get('from') ?? '',
    to: call.search.get('to') ?? '',
    area: call.search.get('area'),
    points: [
      { t: '2026-10-23T16:00:00.000Z', value: total, basis: 10 },
      { t: '2026-10-24T16:00:00.000Z', value: null, basis: 0 },
    ],
    total,
  }
}

function setup(from = FROM, to = TO, area?: string) {
  const api = stubApi({
    'GET /api/analytics/targets': () =>
      json(200, { version: 1, targets: planTargets(DEFAULT_CASE_GOALS) }),
    'GET /api/analytics/timeseries': (call) => json(200, series(call)),
  })
  render(
    <TestQuery>
      <KpiTrends from={from} to={to} area={area} />
    </TestQuery>,
  )
  return api
}

const card = (indicator: string) =>
  screen.getAllByTestId('kpi-trend').find((c) => c.dataset.indicator === indicator) as HTMLElement

beforeEach(() => {
  // jsdom has no 2D canvas: the cards fall back to their tables, which is what is checked here.
  resetCanvasProbe()
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => resetCanvasProbe())

describe('KpiTrends', () => {
  it('draws one card per plan target with its target, period value, badge and source', async () => {
    setup()
    const trends = await screen.findByTestId('kpi-trends', {}, WAIT)
    await within(trends).findAllByText('✓ 达标', {}, WAIT)
    expect(screen.getAllByTestId('kpi-trend').map((c) => c.dataset.indicator)).toEqual([
      'traffic.arterialSpeedMean',
      'env.goodDayRate',
      'cases.closureRate',
      'cases.onTimeRate',
    ])
    const speed = card('traffic.arterialSpeedMean')
    expect(speed.textContent).toContain('本期 38.5 km/h · 目标 > 40 km/h')
    expect(within(speed).getByTestId('kpi-trend-badge').textContent).toBe('✗ 未达标')
    expect(speed.textContent).toContain('来源：智慧城市规划：主干路平均车速 40 km/h 以上')

    const good = card('env.goodDayRate')
    expect(good.textContent).toContain('本期 85.0% · 目标 ≥ 82.2%')
    expect(within(good).getByTestId('kpi-trend-badge').textContent).toBe('✓ 达标')
    expect(within(card('cases.closureRate')).getByTestId('kpi-trend-badge').textContent).toBe(
      '– 无数据',
    )
  })

  it('gives every chart a table of its values (rates in %), by day for a month', async () => {
    const api = setup(FROM, TO, '410102')
    await screen.findAllByText('✓ 达标', {}, WAIT)
    const table = within(card('env.goodDayRate')).getByRole('table')
    expect(within(table).getByText('优良天数比例逐日数值')).toBeTruthy()
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.textContent)).toEqual(['2026-10-24 00:0085.0%', '2026-10-25 00:00—'])
    const calls = api.calls.filter((c) => c.path === '/api/analytics/timeseries')
    expect(calls).toHaveLength(4)
    expect(calls.every((c) => c.search.get('bucket') === 'day')).toBe(true)
    expect(calls.every((c) => c.search.get('area') === '410102')).toBe(true)
  })

  it('asks by the hour for a window of two days or less, except for day-based indicators', async () => {
    const api = setup('2026-11-22T00:00:00+08:00', '2026-11-23T00:00:00+08:00')
    await screen.findAllByText('✓ 达标', {}, WAIT)
    const calls = api.calls.filter((c) => c.path === '/api/analytics/timeseries')
    expect(calls.map((c) => [c.search.get('indicator'), c.search.get('bucket')])).toEqual([
      ['traffic.arterialSpeedMean', 'hour'],
      ['env.goodDayRate', 'day'],
      ['cases.closureRate', 'hour'],
      ['cases.onTimeRate', 'hour'],
    ])
    expect(calls.some((c) => c.search.has('area'))).toBe(false)
  })

  it('says why when the targets cannot be loaded', async () => {
    stubApi({
      'GET /api/analytics/targets': () => json(403, { error: '无权查看 / Not allowed' }),
    })
    render(
      <TestQuery>
        <KpiTrends from={FROM} to={TO} />
      </TestQuery>,
    )
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toContain('无权查看')
  })
})
