import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { json, stubApi } from '../../test/api-stub'
import { renderApp } from '../../test/render-app'
import { CaseActionForm } from './case-action-form'

const DEPARTMENTS = [
  { code: 'szj', name: '市政局', hint: '该类别的派遣规则指定此部门' },
  { code: 'cgj', name: '城管局' },
]

function renderForm(action: 'dispatch' | 'notFile', onDone = vi.fn()) {
  renderApp(
    '/dispatch',
    <CaseActionForm
      caseId="c1"
      requestNumber="ZZ1"
      version={3}
      action={action}
      departments={DEPARTMENTS}
      onDone={onDone}
      onCancel={() => undefined}
    />,
  )
  return onDone
}

const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name)

describe('case action form', () => {
  it('does not send a 不予立案 without a reason', () => {
    const { calls } = stubApi({})
    renderForm('notFile')
    fireEvent.click(screen.getByTestId('case-action-submit'))
    expect(screen.getByText('请填写此项。')).toBeTruthy()
    expect(screen.getByLabelText('理由').getAttribute('aria-invalid')).toBe('true')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('preselects the top suggestion and sends the dispatch with the version seen', async () => {
    const { calls } = stubApi({
      'POST /api/cases/c1/actions': () =>
        json(200, { case: { id: 'c1', version: 4 }, allowedActions: [], seq: 9 }),
    })
    const onDone = renderForm('dispatch')
    expect((screen.getByLabelText('派往部门') as HTMLSelectElement).value).toBe('szj')
    fireEvent.change(screen.getByLabelText('派往部门'), { target: { value: 'cgj' } })
    fireEvent.click(screen.getByTestId('case-action-submit'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.body).toEqual({ action: 'dispatch', expectedVersion: 3, departmentCode: 'cgj' })
    expect(header(post?.init ?? {}, 'idempotency-key')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('shows why the server refused and retries with the same Idempotency-Key', async () => {
    let answer = 0
    const { calls } = stubApi({
      'POST /api/cases/c1/actions': () =>
        ++answer === 1
          ? json(409, {
              error: '案件已被修改 / The case changed meanwhile.',
              code: 'STALE_VERSION',
            })
          : json(403, { error: '无权 / Forbidden', code: 'ACTION_FORBIDDEN' }),
    })
    const onDone = renderForm('notFile')
    fireEvent.change(screen.getByLabelText('理由'), { target: { value: '不属于城管范围' } })
    fireEvent.click(screen.getByTestId('case-action-submit'))
    expect((await screen.findByTestId('case-action-error')).textContent).toBe(
      '案件刚被他人更新，已载入最新内容，请确认后再操作。',
    )
    fireEvent.click(screen.getByTestId('case-action-submit'))
    await waitFor(() =>
      expect(screen.getByTestId('case-action-error').textContent).toBe('你的角色不能执行此操作。'),
    )
    const posts = calls.filter((c) => c.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[0]?.body).toEqual({
      action: 'notFile',
      expectedVersion: 3,
      reason: '不属于城管范围',
    })
    const keys = posts.map((p) => header(p.init, 'idempotency-key'))
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(onDone).not.toHaveBeenCalled()
  })
})
