import { describe, expect, it } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import {
  AcknowledgeAlarmCommand,
  Alarm,
  AQI_ALARM_GAP_HOURS,
  aqiAlarmTitle,
  assertAcknowledgeable,
  incidentAlarmTitle,
  isAlarmAqi,
  isAqiAlarmCrossing,
  ListAlarmsQuery,
  raisesIncidentAlarm,
  type Alarm as AlarmType,
} from './index'

const H = 3_600_000

describe('incident alarm rule', () => {
  it.each([
    ['I', null, true],
    ['II', null, true],
    ['III', null, false],
    ['IV', null, false],
    ['II', 'III', true], // escalation into Ⅱ
    ['I', 'IV', true],
    ['I', 'II', true], // Ⅱ → Ⅰ is still an escalation into the alarm band
    ['II', 'I', false], // downgrade
    ['III', 'IV', false], // escalation, but below the band
    ['IV', 'II', false],
  ] as const)('grade %s from %s → %s', (grade, previous, expected) => {
    expect(raisesIncidentAlarm(grade, previous)).toBe(expected)
  })
})

describe('AQI alarm rule (HJ 633-2012 Table 2: level 5 = AQI 201–300)', () => {
  it.each([
    [200, false],
    [201, true],
    [300, true],
    [301, true],
    [0, false],
  ])('AQI %i alarming: %s', (aqi, expected) => {
    expect(isAlarmAqi(aqi)).toBe(expected)
  })

  const at = (hours: number, aqi: number) => ({ aqi, observedAt: hours * H })
  it.each([
    ['first reading ever at 235', at(10, 235), null, true],
    ['from level 4 into level 5', at(10, 201), at(9, 200), true],
    ['staying at level 5', at(10, 250), at(9, 240), false],
    ['5 → 6 is no new crossing', at(10, 320), at(9, 250), false],
    ['below the threshold', at(10, 180), null, false],
    ['after a gap longer than the limit', at(10, 250), at(10 - AQI_ALARM_GAP_HOURS - 1, 250), true],
    ['after a gap exactly at the limit', at(10, 250), at(10 - AQI_ALARM_GAP_HOURS, 250), false],
  ] as const)('%s', (_name, current, previous, expected) => {
    expect(isAqiAlarmCrossing(current, previous)).toBe(expected)
  })
})

const base = {
  id: 'a-1',
  subjectId: 'inc-1',
  title: 'Ⅱ级（重大）仓库起火',
  location: [113.68, 34.78],
  raisedAt: '2026-11-20T02:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  version: 1,
}

describe('Alarm schema', () => {
  it('accepts incident and AQI alarms', () => {
    expect(Alarm.parse({ ...base, kind: 'incident', grade: 'II', previousGrade: null }).kind).toBe(
      'incident',
    )
    const aqi = {
      ...base,
      kind: 'aqi',
      subjectId: '1316A',
      level: 5,
      aqi: 235,
      observedAt: '2026-11-20T01:00:00.000Z',
    }
    expect(Alarm.parse(aqi)).toEqual(aqi)
  })

  it.each([
    ['a grade below the band', { kind: 'incident', grade: 'III', previousGrade: null }],
    ['an AQI level below 5', { kind: 'aqi', level: 4, aqi: 190, observedAt: base.raisedAt }],
    ['an unknown kind', { kind: 'noise' }],
  ])('rejects %s', (_name, extra) => {
    expect(Alarm.safeParse({ ...base, ...extra }).success).toBe(false)
  })

  it('parses list queries and commands with messages a person can act on', () => {
    expect(ListAlarmsQuery.parse({})).toEqual({ state: 'open', limit: 100 })
    expect(ListAlarmsQuery.parse({ state: 'all', limit: '5' })).toEqual({ state: 'all', limit: 5 })
    const bad = ListAlarmsQuery.safeParse({ state: 'closed' })
    expect(bad.error?.issues[0]?.message).toContain('state must be open or all')
    const noVersion = AcknowledgeAlarmCommand.safeParse({})
    expect(noVersion.error?.issues[0]?.message).toContain('expectedVersion')
  })
})

describe('titles', () => {
  it('names the grade or the AQI level and category', () => {
    expect(incidentAlarmTitle('I', '化工厂爆炸')).toBe('Ⅰ级（特别重大）化工厂爆炸')
    expect(aqiAlarmTitle('烟厂', 235)).toBe('烟厂 AQI 235（五级 重度污染）')
    expect(aqiAlarmTitle('烟厂', 320)).toBe('烟厂 AQI 320（六级 严重污染）')
  })
})

describe('assertAcknowledgeable', () => {
  const open = Alarm.parse({ ...base, kind: 'incident', grade: 'I', previousGrade: 'III' })
  it('passes an open alarm at the expected version', () => {
    expect(() => assertAcknowledgeable(open, 1)).not.toThrow()
  })

  it('refuses an acknowledged alarm, naming who did it', () => {
    const done: AlarmType = {
      ...open,
      version: 2,
      acknowledgedAt: '2026-11-20T02:05:00.000Z',
      acknowledgedBy: { userId: 'u-1', displayName: '值守员' },
    }
    const error = expectDomainError(() => assertAcknowledgeable(done, 2), 'CONFLICT')
    expect(error.message).toContain('值守员')
  })

  it('refuses a stale version', () => {
    expectDomainError(() => assertAcknowledgeable(open, 3), 'CONFLICT')
  })
})
