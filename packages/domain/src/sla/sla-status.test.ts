import { describe, expect, it } from 'vitest'
import { CHINA_2026 } from './china-holidays'
import { LiveEventType } from '../live-event'
import {
  CaseSlaConfig,
  DEFAULT_CASE_SLA,
  escalationFor,
  SLA_WARNING_EVENT_TYPES,
  timeLimitFor,
} from './sla-config'
import { slaStatus, type SlaStatusInput } from './sla-status'
import { workingCalendar } from './working-calendar'

const CAL = workingCalendar({ years: [CHINA_2026] }) // 450 working minutes a day
const at = (local: string) => `${local}+08:00`
const base: SlaStatusInput = {
  status: 'DISPATCHED',
  deadline: at('2026-03-09T16:00:00'), // Monday
  suspendedAt: null,
  limit: { amount: 1, unit: 'workDays' },
  isPausedWhileSuspended: true,
  now: at('2026-03-06T16:00:00'), // the Friday before: a whole working day left
  medianHandlingMinutes: null,
}

describe('slaStatus', () => {
  it('counts working minutes over a weekend and is not yet about to breach', () => {
    expect(slaStatus(base, CAL)).toEqual({
      deadline: base.deadline,
      remainingMinutes: 450,
      overdue: false,
      breachSoon: false,
      paused: false,
      predictedBreach: null,
    })
  })

  it('is about to breach under 20 % of the limit (90 of 450 working minutes)', () => {
    // Monday 14:30 → 16:00 is 90 working minutes: exactly 20 %, not less
    expect(slaStatus({ ...base, now: at('2026-03-09T14:30:00') }, CAL)?.breachSoon).toBe(false)
    expect(slaStatus({ ...base, now: at('2026-03-09T14:31:00') }, CAL)).toMatchObject({
      remainingMinutes: 89,
      breachSoon: true,
      overdue: false,
    })
  })

  it('is overdue after the deadline, with negative working minutes', () => {
    expect(slaStatus({ ...base, now: at('2026-03-10T09:00:00') }, CAL)).toMatchObject({
      remainingMinutes: -120, // 16:00–17:30 Monday and 08:30–09:00 Tuesday
      overdue: true,
      breachSoon: false,
    })
  })

  it('uses natural minutes for natural-hour limits', () => {
    const s = slaStatus(
      {
        ...base,
        limit: { amount: 4, unit: 'hours' },
        deadline: at('2026-03-07T12:00:00'),
        now: at('2026-03-07T11:00:00'),
      },
      CAL,
    )
    expect(s).toMatchObject({ remainingMinutes: 60, breachSoon: false })
  })

  it('freezes while 挂账 pauses the clock, and runs on when the policy does not pause', () => {
    const parked = {
      ...base,
      status: 'SUSPENDED' as const,
      suspendedAt: at('2026-03-06T16:00:00'),
      now: at('2026-03-20T10:00:00'),
    }
    expect(slaStatus(parked, CAL)).toMatchObject({
      paused: true,
      remainingMinutes: 450,
      overdue: false,
      predictedBreach: null,
    })
    expect(slaStatus({ ...parked, isPausedWhileSuspended: false }, CAL)).toMatchObject({
      paused: false,
      overdue: true,
    })
  })

  it('predicts a breach when the department usually needs longer than the natural time left', () => {
    // Friday 16:00 → Monday 16:00 is 4,320 natural minutes
    expect(slaStatus({ ...base, medianHandlingMinutes: 4_321 }, CAL)?.predictedBreach).toBe(true)
    expect(slaStatus({ ...base, medianHandlingMinutes: 4_320 }, CAL)?.predictedBreach).toBe(false)
  })

  it('counts a statutory holiday as no time and a 调休 Saturday as a working day', () => {
    // Fri 02-13 16:00 → deadline Tue 02-24 10:00: Fri 90 + Sat 02-14 (调休) 450 + 春节 02-15..23
    // nothing + Tue 90 = 630 working minutes of a 2-day (900) limit
    const s = slaStatus(
      {
        ...base,
        limit: { amount: 2, unit: 'workDays' },
        deadline: at('2026-02-24T10:00:00'),
        now: at('2026-02-13T16:00:00'),
      },
      CAL,
    )
    expect(s).toMatchObject({ remainingMinutes: 630, breachSoon: false, overdue: false })
    // on the first day back, 09:00: 60 minutes left (< 180 = 20 %)
    expect(
      slaStatus(
        {
          ...base,
          limit: { amount: 2, unit: 'workDays' },
          deadline: at('2026-02-24T10:00:00'),
          now: at('2026-02-24T09:00:00'),
        },
        CAL,
      ),
    ).toMatchObject({ remainingMinutes: 60, breachSoon: true })
  })

  it.each(['REPORTED', 'DISPOSED', 'CHECKING', 'CLOSED'] as const)(
    'has no clock in %s',
    (status) => {
      expect(slaStatus({ ...base, status }, CAL)).toBeNull()
    },
  )

  it('has no clock without a deadline', () => {
    expect(slaStatus({ ...base, deadline: null }, CAL)).toBeNull()
  })
})

describe('CaseSlaConfig', () => {
  it('accepts the default and fills an empty ladder', () => {
    const { escalation: _e, ...withoutLadder } = DEFAULT_CASE_SLA
    expect(CaseSlaConfig.parse(withoutLadder).escalation).toEqual([])
  })

  it.each([
    ['a bad key', { limits: { 'event:1': { amount: 1, unit: 'workDays' } } }, 'limits'],
    ['a non-positive limit', { defaultLimit: { amount: 0, unit: 'workDays' } }, 'defaultLimit'],
    ['an unknown unit', { defaultLimit: { amount: 1, unit: 'weeks' } }, 'defaultLimit'],
    [
      'overlapping periods',
      {
        workPeriods: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      'workPeriods',
    ],
    ['an unknown level', { escalation: [{ on: 'overdue', level: 'urgent' }] }, 'escalation'],
    ['an unknown field', { extra: true }, ''],
  ])('rejects %s', (_label, patch, path) => {
    const result = CaseSlaConfig.safeParse({ ...DEFAULT_CASE_SLA, ...patch })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path.join('.').startsWith(path)).toBe(true)
  })

  it('picks the most specific limit', () => {
    expect(timeLimitFor(DEFAULT_CASE_SLA, 'event', '0102')).toEqual({ amount: 1, unit: 'workDays' })
    expect(timeLimitFor(DEFAULT_CASE_SLA, 'event', '0401')).toEqual({ amount: 4, unit: 'hours' })
    expect(timeLimitFor(DEFAULT_CASE_SLA, 'component', '0201')).toEqual(
      DEFAULT_CASE_SLA.defaultLimit,
    )
  })
})

describe('escalationFor', () => {
  const ladder = CaseSlaConfig.parse({
    ...DEFAULT_CASE_SLA,
    escalation: [
      { on: 'overdue', level: 'routine' },
      { on: 'overdue', level: 'key', note: '超期' },
      { on: 'breachSoon', level: 'routine' },
    ],
  })
  it('raises to the highest rung for the warning', () => {
    expect(escalationFor(ladder, 'overdue', null)).toMatchObject({ level: 'key' })
    expect(escalationFor(ladder, 'overdue', 'routine')).toMatchObject({ level: 'key' })
    expect(escalationFor(ladder, 'breachSoon', null)).toMatchObject({ level: 'routine' })
  })
  it('never lowers and is off by default', () => {
    expect(escalationFor(ladder, 'overdue', 'listed')).toBeNull()
    expect(escalationFor(ladder, 'breachSoon', 'routine')).toBeNull()
    expect(escalationFor(DEFAULT_CASE_SLA, 'overdue', null)).toBeNull()
  })
})

describe('SLA_WARNING_EVENT_TYPES', () => {
  it('are valid live event types', () => {
    for (const type of Object.values(SLA_WARNING_EVENT_TYPES))
      expect(LiveEventType.safeParse(type).success, type).toBe(true)
  })
})
