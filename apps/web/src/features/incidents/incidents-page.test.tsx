import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'
import { assignment, DEPARTMENTS, detail, item } from './incident-fixtures'

const SUGGESTIONS = {
  incidentId: 'inc1',
  types: ['fire', 'ambulance'],
  suggestions: [
    {
      unitId: 'u-fire-1',
      callSign: '消防 01',
      type: 'fire',
      departmentCode: 'xfzd',
      location: [113.69, 34.78],
      distanceM: 1200,
      reason: '最近的待命消防车辆 / Nearest available fire engine',
    },
    {
      unitId: 'u-amb-1',
      callSign: '急救 07',
      type: 'ambulance',
      departmentCode: 'ji120',
      location: [113.7, 34.79],
      distanceM: 2500,
      reason: '最近的待命急救车辆 / Nearest available ambulance',
    },
  ],
}

const STALE =
  '事件 inc1 已被修改（当前版本 4）/ Incident inc1 has changed since version 3 (now 4); reload it and try again.'

function operatorDesk(routes: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/me': () => json(200, meFor('operator')),
    'GET /api/departments': () => json(200, DEPARTMENTS),
    'GET /api/incidents': () =>
      json(200, {
        total: 3,
        items: [
          item(1, { departments: ['xfzd'], assignments: { total: 1, finished: 0 } }),
          item(2),
          item(3, { departments: ['xfzd', 'ji120'], assignments: { total: 2, finished: 2 } }),
        ],
      }),
    'GET /api/incidents/inc1': () =>
      json(
        200,
        detail({ departments: ['xfzd'] }, [assignment('xfzd')], ['grade', 'assign', 'close']),
      ),
    'GET /api/incidents/inc2': () => json(200, detail({ id: 'inc2' }, [], ['grade', 'assign'])),
    'GET /api/incidents/inc1/unit-suggestions': () => json(200, SUGGESTIONS),
    ...routes,
  })
}

describe('incident desk', () => {
  // The route loads the page lazily; load it once here so the first test does not wait on it.
  beforeAll(async () => {
    await import('./incidents-page')
  })

  it('lists open incidents and offers the operator only the allowed actions', async () => {
    const { calls } = operatorDesk()
    renderApp('/incidents?incident=inc1')
    const row = await screen.findByTestId('incident-row-inc1')
    expect(row.textContent).toContain('Ⅳ级')
    expect(row.textContent).toContain('火灾')
    expect(row.textContent).toContain('仓库起火 1')
    expect(await within(row).findByTestId('incident-progress')).toHaveProperty(
      'textContent',
      '0/1 部门完成',
    )
    expect(screen.getByTestId('incident-row-inc2').textContent).toContain('尚未指派部门')
    expect(
      within(screen.getByTestId('incident-row-inc3')).getByTestId('incident-progress').textContent,
    ).toBe('2/2 部门完成')
    // progress comes with the list: only the open incident's detail is read
    expect(
      calls.filter((c) => /^\/api\/incidents\/inc\d+$/.test(c.path)).map((c) => c.path),
    ).toEqual(expect.arrayContaining(['/api/incidents/inc1']))
    expect(
      calls.some((c) => c.path === '/api/incidents/inc2' || c.path === '/api/incidents/inc3'),
    ).toBe(false)
    const list = calls.find((c) => c.path === '/api/incidents')
    expect(list?.search.get('status')).toBe('reported,confirmed,responding,resolved')

    const panel = await screen.findByTestId('incident-detail')
    const buttons = within(panel)
      .getAllByRole('button')
      .map((b) => b.textContent)
    expect(buttons).toEqual(['调整等级', '指派部门', '结束事件'])
    expect(within(panel).getByTestId('assignment-xfzd').textContent).toContain('郑州市消防救援支队')
  })

  it('assigns a department with a suggested unit, the version seen and an Idempotency-Key', async () => {
    const answer = detail(
      { departments: ['xfzd', 'ji120'], version: 4 },
      [
        assignment('xfzd'),
        assignment('ji120', {
          unitIds: ['u-amb-1'],
          units: [{ id: 'u-amb-1', callSign: '急救 07' }],
        }),
      ],
      ['grade', 'assign', 'close'],
    )
    const { calls } = operatorDesk({ 'POST /api/incidents/inc1/actions': () => json(200, answer) })
    renderApp('/incidents?incident=inc1')
    fireEvent.click(await screen.findByTestId('incident-action-assign'))
    const form = screen.getByTestId('incident-action-form')
    fireEvent.click(within(form).getByTestId('incident-action-submit'))
    expect(form.textContent).toContain('请选择要指派的部门')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    // xfzd already has an open assignment: offered, but not selectable
    const select = within(form).getByTestId('incident-field-department')
    const busy = within(select).getByRole('option', { name: /郑州市消防救援支队/ })
    expect((busy as HTMLOptionElement).disabled).toBe(true)
    // ticking the ambulance picks its department too
    fireEvent.click(await within(form).findByRole('checkbox', { name: /急救 07/ }))
    expect((select as HTMLSelectElement).value).toBe('ji120')
    fireEvent.click(within(form).getByTestId('incident-action-submit'))

    await screen.findByTestId('action-done')
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.path).toBe('/api/incidents/inc1/actions')
    expect(post?.body).toEqual({
      action: 'assign',
      expectedVersion: 3,
      departmentCode: 'ji120',
      unitIds: ['u-amb-1'],
    })
    const key = new Headers(post?.init.headers).get('idempotency-key')
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(screen.getByTestId('incident-version').textContent).toBe('4')
    expect(screen.getByTestId('assignment-ji120').textContent).toContain('郑州市急救中心')
    // the assigned unit by its call sign, as the dispatcher picked it
    expect(screen.getByTestId('assignment-units-ji120').textContent).toContain('急救 07')
    expect(screen.getByTestId('assignment-units-ji120').textContent).not.toContain('u-amb-1')
  })

  it('shows the server’s message on a stale version and reloads the incident', async () => {
    let version = 3
    const { calls } = operatorDesk({
      'GET /api/incidents/inc1': () =>
        json(200, detail({ version }, [assignment('xfzd')], ['grade', 'assign', 'close'])),
      'POST /api/incidents/inc1/actions': () => {
        version = 4
        return json(409, { error: STALE, code: 'STALE_VERSION', ...detail({ version }) })
      },
    })
    renderApp('/incidents?incident=inc1')
    fireEvent.click(await screen.findByTestId('incident-action-close'))
    fireEvent.change(screen.getByTestId('incident-field-summary'), {
      target: { value: '明火已扑灭，伤员已送医' },
    })
    const detailReads = () => calls.filter((c) => c.path === '/api/incidents/inc1').length
    const before = detailReads()
    fireEvent.click(screen.getByTestId('incident-action-submit'))

    const alert = await screen.findByTestId('incident-action-error')
    expect(alert.textContent).toContain('事件已被他人修改')
    expect(alert.textContent).toContain(STALE)
    await waitFor(() => expect(detailReads()).toBeGreaterThan(before))
    await waitFor(() => expect(screen.getByTestId('incident-version').textContent).toBe('4'))
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      action: 'close',
      expectedVersion: 3,
      summary: '明火已扑灭，伤员已送医',
    })
  })

  it('moves through the list with ↑/↓ and opens with Enter', async () => {
    operatorDesk()
    renderApp('/incidents')
    expect(await screen.findByText('未选择事件')).toBeTruthy()
    const first = within(await screen.findByTestId('incident-row-inc1')).getByRole('button')
    const second = within(screen.getByTestId('incident-row-inc2')).getByRole('button')
    expect(first.tabIndex).toBe(0)
    expect(second.tabIndex).toBe(-1)
    first.focus()
    fireEvent.keyDown(first, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(second)
    fireEvent.keyDown(second, { key: 'Enter' })
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/incidents?incident=inc2'),
    )
    expect(await screen.findByTestId('incident-detail')).toBeTruthy()
  })

  it('says when there is nothing to handle', async () => {
    operatorDesk({ 'GET /api/incidents': () => json(200, { total: 0, items: [] }) })
    renderApp('/incidents')
    expect(await screen.findByText('无待处置事件')).toBeTruthy()
  })

  it('shows a load error with the server’s message and retries', async () => {
    let fail = true
    operatorDesk({
      'GET /api/incidents': () =>
        fail
          ? json(500, { error: '数据库暂不可用 / Database unavailable' })
          : json(200, { total: 0, items: [] }),
    })
    renderApp('/incidents')
    expect(await screen.findByText('事件列表加载失败')).toBeTruthy()
    expect(screen.getByText('数据库暂不可用 / Database unavailable')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('无待处置事件')).toBeTruthy()
  })
})
