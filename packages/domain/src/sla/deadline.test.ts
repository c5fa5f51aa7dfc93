import { describe, it, expect } from 'vitest'
import { applyCaseAction } from '../case-workflow'
import { actorFor, DEPT, reported } from '../case-workflow/test-support'
import type { WorkflowCase } from '../case-workflow'
import { DomainError } from '../errors'
import { expectDomainError } from '../testing/expect-domain-error'
import { CHINA_2026 } from './china-holidays'
import { caseClock, deadlineFor, remaining } from './deadline'
import type { TimeLimit } from './deadline'
import { isWorkingDay, workingCalendar } from './working-calendar'

const CAL = workingCalendar({ years: [CHINA_2026] }) // 08:30–12:00, 13:30–17:30, +08:00
const at = (local: string) => `${local}+08:00`
const wh = (amount: number): TimeLimit => ({ amount, unit: 'workHours' })

describe('isWorkingDay (2026)', () => {
  it.each([
    ['2026-03-06', true], // Friday
    ['2026-03-07', false], // Saturday
    ['2026-04-06', false], // 清明节 Monday
    ['2026-02-14', true], // 调休 Saturday before 春节
    ['2026-01-04', true], // 调休 Sunday after 元旦
    ['2026-10-08', true], // first day back after 国庆节
    ['2027-01-01', true], // a year with no data: weekdays only (Friday)
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, CAL)).toBe(expected)
  })
})

describe('deadlineFor', () => {
  it.each([
    ['across lunch', '2026-03-02T11:00:00', wh(2), '2026-03-02T14:30:00'],
    [
      'ends at a period end, not the next start',
      '2026-03-02T10:30:00',
      wh(1.5),
      '2026-03-02T12:00:00',
    ],
    ['across a weekend', '2026-03-06T16:00:00', wh(4), '2026-03-09T11:00:00'],
    [
      '1 工作日 = same time next working day',
      '2026-03-06T16:00:00',
      { amount: 1, unit: 'workDays' },
      '2026-03-09T16:00:00',
    ],
    [
      '15 工作日 (违法搭建)',
      '2026-03-02T09:00:00',
      { amount: 15, unit: 'workDays' },
      '2026-03-23T09:00:00',
    ],
    ['across 清明节', '2026-04-03T17:00:00', wh(1), '2026-04-07T09:00:00'],
    ['into a 调休 Saturday', '2026-02-13T17:00:00', wh(2), '2026-02-14T10:00:00'],
    ['from the 调休 Saturday over 春节', '2026-02-14T17:00:00', wh(1), '2026-02-24T09:00:00'],
    ['started on a holiday', '2026-10-03T10:00:00', wh(1), '2026-10-08T09:30:00'],
    [
      'started on a holiday before a 调休 Sunday',
      '2026-01-03T10:00:00',
      wh(1),
      '2026-01-04T09:30:00',
    ],
    [
      'natural hours ignore the calendar',
      '2026-03-07T10:00:00',
      { amount: 24, unit: 'hours' },
      '2026-03-08T10:00:00',
    ],
  ] as const)('%s', (_name, start, limit, expected) => {
    expect(deadlineFor(at(start), limit, CAL)).toBe(at(expected))
  })

  it('accepts UTC input and answers in local time', () => {
    expect(deadlineFor('2026-03-02T01:00:00Z', wh(1), CAL)).toBe(at('2026-03-02T10:00:00'))
  })

  it('uses configured periods: one 09:00–17:00 shift makes a 工作日 480 minutes', () => {
    const cal = workingCalendar({
      years: [CHINA_2026],
      periods: [{ start: '09:00', end: '17:00' }],
    })
    expect(deadlineFor(at('2026-03-02T12:00:00'), { amount: 1, unit: 'workDays' }, cal)).toBe(
      at('2026-03-03T12:00:00'),
    )
  })

  it('refuses bad limits and calendars', () => {
    expect(() => deadlineFor(at('2026-03-02T09:00:00'), wh(0), CAL)).toThrow()
    expectDomainError(() => deadlineFor('yesterday', wh(1), CAL), 'VALIDATION')
    expectDomainError(
      () => workingCalendar({ years: [], periods: [{ start: '8:30', end: '12:00' }] }),
      'VALIDATION',
    )
    expectDomainError(
      () =>
        workingCalendar({
          years: [],
          periods: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
      'VALIDATION',
    )
  })
})

describe('remaining', () => {
  const deadline = at('2026-03-09T11:00:00')
  it('counts working time left over a weekend', () => {
    expect(remaining(deadline, at('2026-03-06T16:00:00'), CAL)).toEqual({
      workMinutes: 240,
      minutes: 3 * 1440 - 300,
      isOverdue: false,
    })
  })
  it('is negative and overdue after the deadline (lunch does not count)', () => {
    expect(remaining(deadline, at('2026-03-09T13:30:00'), CAL)).toEqual({
      workMinutes: -60,
      minutes: -150,
      isOverdue: true,
    })
  })
})

describe('caseClock policy flags', () => {
  const limit = wh(4)
  const paused = [
    at('2026-03-09T11:00:00'),
    at('2026-03-06T17:00:00'),
    at('2026-03-09T09:30:00'),
  ] as const

  it('挂账 pauses the clock: the deadline moves by the working time parked', () => {
    const clock = caseClock(limit, CAL, {
      isPausedWhileSuspended: true,
      isRestartedOnReturn: false,
    })
    expect(clock.afterPause(...paused)).toBe(at('2026-03-09T14:00:00')) // +90 working minutes
  })
  it('挂账 without the pause flag leaves the deadline', () => {
    const clock = caseClock(limit, CAL, {
      isPausedWhileSuspended: false,
      isRestartedOnReturn: false,
    })
    expect(clock.afterPause(...paused)).toBe(paused[0])
  })
  it('natural-hour limits pause by natural time', () => {
    const clock = caseClock({ amount: 2, unit: 'hours' }, CAL, {
      isPausedWhileSuspended: true,
      isRestartedOnReturn: false,
    })
    expect(
      clock.afterPause(
        at('2026-03-07T12:00:00'),
        at('2026-03-07T10:00:00'),
        at('2026-03-07T11:30:00'),
      ),
    ).toBe(at('2026-03-07T13:30:00'))
  })

  function step(
    c: WorkflowCase,
    role: Parameters<typeof actorFor>[0],
    action: object,
    now: string,
    restart: boolean,
  ) {
    const clock = caseClock(limit, CAL, {
      isPausedWhileSuspended: true,
      isRestartedOnReturn: restart,
    })
    const r = applyCaseAction(c, action, actorFor(role), at(now), clock)
    if (r instanceof DomainError) throw r
    return r.next
  }

  it.each([
    [true, at('2026-03-10T15:00:00')], // fresh 4 工作时 from Tue 09:30, over lunch
    [false, at('2026-03-02T14:30:00')], // the original deadline from 立案 Mon 09:00
  ])('回退 then re-派遣 with restart=%s → %s', (restart, expected) => {
    let c = step(
      reported('inspector'),
      'intake',
      { type: 'accept' },
      '2026-03-02T08:50:00',
      restart,
    )
    c = step(c, 'shiftLead', { type: 'file' }, '2026-03-02T09:00:00', restart)
    expect(c.deadline).toBe(at('2026-03-02T14:30:00'))
    c = step(
      c,
      'dispatcher',
      { type: 'dispatch', departmentCode: DEPT },
      '2026-03-02T09:10:00',
      restart,
    )
    c = step(
      c,
      'handler',
      { type: 'requestReturn', reason: '非本部门职责' },
      '2026-03-02T10:00:00',
      restart,
    )
    c = step(c, 'dispatcher', { type: 'approveReturn' }, '2026-03-10T09:00:00', restart)
    c = step(
      c,
      'dispatcher',
      { type: 'dispatch', departmentCode: DEPT },
      '2026-03-10T09:30:00',
      restart,
    )
    expect(c.deadline).toBe(expected)
  })
})
