import { describe, it, expect } from 'vitest'
import { canTransitionCase } from '../city-case'
import { DomainError } from '../errors'
import { CASE_COMMAND_TYPES } from './case-commands'
import { allowedActions, applyCaseAction } from './case-workflow'
import type { CaseActionResult } from './case-workflow'
import type { CaseClock } from './next-fields'
import { CASE_WORKFLOW_RULES } from './workflow-rules'
import type { WorkflowCase } from './workflow-case'
import { actorFor, DEPT, OTHER_DEPT, reported } from './test-support'

const T = '2026-03-02T10:00:00+08:00'

function ok(r: CaseActionResult | DomainError): CaseActionResult {
  if (r instanceof DomainError) throw r
  return r
}

const step = (
  c: WorkflowCase,
  role: Parameters<typeof actorFor>[0],
  action: object,
  clock?: CaseClock,
) => ok(applyCaseAction(c, action, actorFor(role), T, clock)).next

function dispatched(channel = 'inspector'): WorkflowCase {
  let c = step(reported(channel), 'intake', { type: 'accept' })
  if (channel !== 'inspector') c = step(c, 'inspector', { type: 'verify' })
  c = step(c, 'shiftLead', { type: 'file' })
  return step(c, 'dispatcher', { type: 'dispatch', departmentCode: DEPT })
}

describe('workflow rules ↔ CASE_STATE_TRANSITIONS', () => {
  it('every move an action makes is in the transition table', () => {
    const bad = CASE_COMMAND_TYPES.flatMap((t) => {
      const { from, to } = CASE_WORKFLOW_RULES[t]
      return to === null
        ? []
        : from.filter((f) => !canTransitionCase(f, to)).map((f) => `${t}:${f}`)
    })
    expect(bad).toEqual([])
  })
})

describe('allowedActions', () => {
  it.each([
    ['intake', reported(), ['accept', 'invalidate']],
    ['inspector', step(reported(), 'intake', { type: 'accept' }), ['verify']],
    ['shiftLead', step(reported(), 'intake', { type: 'accept' }), []], // public report: 核实 first
    ['shiftLead', step(reported('inspector'), 'intake', { type: 'accept' }), ['file', 'notFile']],
    ['inspector', step(reported('inspector'), 'intake', { type: 'accept' }), []],
    [
      'handler',
      dispatched(),
      ['requestReturn', 'requestExtension', 'requestSuspension', 'dispose'],
    ],
    ['dispatcher', dispatched(), []],
    ['leader', dispatched(), ['supervise']],
    ['admin', dispatched(), []],
  ] as const)('%s on %#', (role, c, expected) => {
    expect(allowedActions(c, actorFor(role))).toEqual(expected)
  })

  it('a handler of another department gets nothing', () => {
    expect(allowedActions(dispatched(), actorFor('handler', OTHER_DEPT))).toEqual([])
  })

  it('a pending request blocks other requests and 处置, and lets the deciders decide', () => {
    const c = step(dispatched(), 'handler', {
      type: 'requestExtension',
      until: '2026-03-20T17:30:00+08:00',
      reason: '材料未到',
    })
    expect(allowedActions(c, actorFor('handler'))).toEqual([])
    expect(allowedActions(c, actorFor('dispatcher'))).toEqual([
      'approveExtension',
      'rejectExtension',
    ])
    expect(allowedActions(c, actorFor('shiftLead'))).toEqual([
      'approveExtension',
      'rejectExtension',
    ])
  })
})

describe('applyCaseAction', () => {
  it('files with the 小类 and grid fixed and the deadline from the clock', () => {
    const clock: CaseClock = {
      deadlineFrom: () => '2026-03-03T10:00:00+08:00',
      afterPause: (d) => d,
      isRestartedOnReturn: false,
    }
    const accepted = step(reported('inspector'), 'intake', { type: 'accept' })
    const filed = step(accepted, 'shiftLead', { type: 'file', categoryCode: '0202' }, clock)
    expect(filed).toMatchObject({
      status: 'FILED',
      categoryCode: '0202',
      deadline: '2026-03-03T10:00:00+08:00',
      version: 3,
    })
  })

  it('refuses filing without a grid code', () => {
    const accepted = step({ ...reported('inspector'), gridCode: null }, 'intake', {
      type: 'accept',
    })
    const r = applyCaseAction(accepted, { type: 'file' }, actorFor('shiftLead'), T)
    expect(r).toBeInstanceOf(DomainError)
    expect((r as DomainError).code).toBe('CONFLICT')
  })

  it('links a duplicate to its parent and records the reason', () => {
    const r = ok(
      applyCaseAction(
        reported(),
        { type: 'invalidate', reason: '重复上报', duplicateOf: 'case-0' },
        actorFor('intake'),
        T,
      ),
    )
    expect(r.next).toMatchObject({
      status: 'INVALID',
      duplicateOf: 'case-0',
      outcomeReason: '重复上报',
    })
    expect(r.audit).toMatchObject({
      action: 'invalidate',
      from: 'REPORTED',
      to: 'INVALID',
      actorId: 'u-intake',
      actorRole: 'intake',
    })
  })

  it.each([
    [{ type: 'invalidate', reason: ' ' }, 'VALIDATION', /请说明作废理由/],
    [{ type: 'nope' }, 'VALIDATION', /./],
    [{ type: 'accept' }, 'FORBIDDEN', /may not accept/],
  ] as const)('%j → %s', (action, code, message) => {
    const actor = code === 'FORBIDDEN' ? actorFor('inspector') : actorFor('intake')
    const r = applyCaseAction(reported(), action, actor, T)
    expect(r).toBeInstanceOf(DomainError)
    expect((r as DomainError).code).toBe(code)
    expect((r as DomainError).message).toMatch(message)
  })

  it('rejects an action the state does not allow with CONFLICT', () => {
    const r = applyCaseAction(reported(), { type: 'close' }, actorFor('shiftLead'), T)
    expect((r as DomainError).code).toBe('CONFLICT')
  })

  it('an extension must end after the current deadline; approval moves it', () => {
    const c = { ...dispatched(), deadline: '2026-03-05T17:30:00+08:00' }
    const early = applyCaseAction(
      c,
      { type: 'requestExtension', until: '2026-03-04T17:30:00+08:00', reason: 'x' },
      actorFor('handler'),
      T,
    )
    expect((early as DomainError).code).toBe('CONFLICT')
    const asked = step(c, 'handler', {
      type: 'requestExtension',
      until: '2026-03-10T17:30:00+08:00',
      reason: '等材料',
    })
    const approved = step(asked, 'dispatcher', { type: 'approveExtension' })
    expect(approved).toMatchObject({
      status: 'DISPATCHED',
      deadline: '2026-03-10T17:30:00+08:00',
      extensionCount: 1,
      pending: null,
    })
    const refused = step(asked, 'shiftLead', { type: 'rejectExtension' })
    expect(refused).toMatchObject({
      deadline: '2026-03-05T17:30:00+08:00',
      extensionCount: 0,
      pending: null,
    })
  })

  it('回退: approval returns the case to the pool; re-派遣 restarts the clock only if the policy says so', () => {
    const clock = (restart: boolean): CaseClock => ({
      deadlineFrom: () => '2026-03-09T10:00:00+08:00',
      afterPause: (d) => d,
      isRestartedOnReturn: restart,
    })
    const c = { ...dispatched(), deadline: '2026-03-03T10:00:00+08:00' }
    const asked = step(c, 'handler', { type: 'requestReturn', reason: '非本部门职责' })
    const returned = step(asked, 'dispatcher', { type: 'approveReturn' })
    expect(returned).toMatchObject({
      status: 'RETURNED',
      responsibleDepartment: null,
      returnCount: 1,
    })
    const again = (restart: boolean) =>
      step(returned, 'dispatcher', { type: 'dispatch', departmentCode: OTHER_DEPT }, clock(restart))
    expect(again(true)).toMatchObject({ deadline: '2026-03-09T10:00:00+08:00', dispatchCount: 2 })
    expect(again(false)).toMatchObject({ deadline: '2026-03-03T10:00:00+08:00' })
    expect(step(asked, 'dispatcher', { type: 'rejectReturn' })).toMatchObject({
      status: 'DISPATCHED',
      responsibleDepartment: DEPT,
      pending: null,
    })
  })

  it('挂账 pauses through the clock on resume', () => {
    const clock: CaseClock = {
      deadlineFrom: (s) => s,
      afterPause: () => '2026-04-01T10:00:00+08:00',
      isRestartedOnReturn: false,
    }
    const c = { ...dispatched(), deadline: '2026-03-03T10:00:00+08:00' }
    const asked = step(c, 'handler', { type: 'requestSuspension', reason: '需市政府协调' })
    const parked = step(asked, 'dispatcher', { type: 'approveSuspension' })
    expect(parked).toMatchObject({ status: 'SUSPENDED', suspendedAt: T })
    expect(step(parked, 'dispatcher', { type: 'resume' }, clock)).toMatchObject({
      status: 'DISPATCHED',
      suspendedAt: null,
      deadline: '2026-04-01T10:00:00+08:00',
    })
  })

  it('返工 counts a failed 核查 and 结案 needs a passed one', () => {
    let c = step(dispatched(), 'handler', { type: 'dispose', note: '已清理', evidenceIds: ['m-1'] })
    c = step(c, 'intake', { type: 'assignCheck', inspector: 'u-inspector' })
    expect(allowedActions(c, actorFor('shiftLead'))).toEqual([])
    const failed = step(c, 'inspector', { type: 'checkFail', reason: '仍有垃圾' })
    expect(failed).toMatchObject({ status: 'DISPATCHED', reworkCount: 1 })
    const passed = step(c, 'inspector', { type: 'checkPass' })
    expect(allowedActions(passed, actorFor('inspector'))).toEqual([])
    expect(step(passed, 'shiftLead', { type: 'close' })).toMatchObject({
      status: 'CLOSED',
      version: c.version + 2,
    })
  })

  it('督办 by a leader keeps the state and counts', () => {
    const c = step(
      step(dispatched(), 'leader', { type: 'supervise', level: 'key', note: '三日内办结' }),
      'leader',
      { type: 'supervise', level: 'listed', note: '挂牌' },
    )
    expect(c).toMatchObject({ status: 'DISPATCHED', supervision: { level: 'listed', count: 2 } })
  })
})
