import { DEFAULT_CASE_GOALS, planTargets, type CaseGoals } from '@cityops/domain'
import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, meFor, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'

const stored = (version: number, goals: CaseGoals = { ...DEFAULT_CASE_GOALS }) => ({
  goals,
  version,
  updatedAt: version ? '2026-11-20T09:00:00+08:00' : null,
  updatedBy: version ? 'u-admin' : null,
  targets: planTargets(goals),
})

describe('plan targets page', () => {
  it('shows the goals as percentages and saves them as shares with the version it read', async () => {
    const { calls } = stubApi({
      'GET /api/me': () => json(200, meFor('admin')),
      'GET /api/admin/plan-targets': () => json(200, stored(0)),
      'PUT /api/admin/plan-targets': () =>
        json(200, stored(1, { closureRate: 0.925, onTimeRate: 0.8 })),
    })
    renderApp('/admin/targets')
    const closure = (await screen.findByLabelText(
      '结案率目标（%）',
      {},
      { timeout: 10_000 },
    )) as HTMLInputElement
    expect(closure.value).toBe('90')
    expect(screen.getByText('当前为系统默认目标，尚未保存过。')).toBeTruthy()
    // the plan's fixed targets are listed with their source, read-only
    expect(screen.getByText(/全年空气质量优良天数 300 天以上/)).toBeTruthy()

    fireEvent.change(closure, { target: { value: '92.5' } })
    fireEvent.click(screen.getByTestId('plan-targets-save'))
    expect(await screen.findByText('目标已保存，专题图将按新目标显示。')).toBeTruthy()
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      expectedVersion: 0,
      goals: { closureRate: 0.925, onTimeRate: 0.8 },
    })
  })

  it('refuses a goal above 100 % with the domain’s message and sends nothing', async () => {
    const { calls } = stubApi({
      'GET /api/me': () => json(200, meFor('admin')),
      'GET /api/admin/plan-targets': () => json(200, stored(3)),
    })
    renderApp('/admin/targets')
    const onTime = await screen.findByLabelText('按期结案率目标（%）', {}, { timeout: 10_000 })
    fireEvent.change(onTime, { target: { value: '120' } })
    expect(await screen.findByText(/目标至多为 1（100%）/)).toBeTruthy()
    expect((screen.getByTestId('plan-targets-save') as HTMLButtonElement).disabled).toBe(true)
    expect(calls.some((c) => c.method === 'PUT')).toBe(false)
  })

  it('shows the server’s message when someone else saved first', async () => {
    stubApi({
      'GET /api/me': () => json(200, meFor('admin')),
      'GET /api/admin/plan-targets': () => json(200, stored(2)),
      'PUT /api/admin/plan-targets': () =>
        json(409, { error: '目标已被修改（当前版本 3）/ The goals changed meanwhile' }),
    })
    renderApp('/admin/targets')
    fireEvent.click(await screen.findByTestId('plan-targets-save', {}, { timeout: 10_000 }))
    expect(await screen.findByText(/目标已被修改（当前版本 3）/)).toBeTruthy()
  })
})
