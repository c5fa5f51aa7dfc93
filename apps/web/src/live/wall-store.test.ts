import type { Alarm, LiveEvent } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { applyAlarmEvents } from './wall-store'

const alarm = (id: string, version: number, acknowledged: boolean): Alarm => ({
  id,
  kind: 'incident',
  subjectId: `inc-${id}`,
  grade: 'I',
  previousGrade: null,
  title: 'Ⅰ级（特别重大）测试',
  location: [113.66, 34.76],
  raisedAt: '2026-11-23T02:00:00.000Z',
  acknowledgedAt: acknowledged ? '2026-11-23T02:01:00.000Z' : null,
  acknowledgedBy: acknowledged ? { userId: 'u1', displayName: '值守员' } : null,
  version,
})
const event = (seq: number, a: Alarm): LiveEvent => ({
  seq,
  topic: 'alerts',
  type: a.acknowledgedAt ? 'alarm.acknowledged' : 'alarm.raised',
  id: a.id,
  version: a.version,
  at: '2026-11-23T02:00:00.000Z',
  data: a,
})

describe('alarms on the wall', () => {
  it('adds raised alarms, drops acknowledged ones, and ignores a stale repeat', () => {
    let open = applyAlarmEvents(
      [],
      [event(1, alarm('a', 1, false)), event(2, alarm('b', 1, false))],
    )
    expect(open.map((a) => a.id)).toEqual(['b', 'a'])
    open = applyAlarmEvents(open, [event(3, alarm('a', 2, true))])
    expect(open.map((a) => a.id)).toEqual(['b'])
    open = applyAlarmEvents(open, [event(4, alarm('b', 1, false))])
    expect(open.map((a) => a.id)).toEqual(['b'])
  })
})
