import { describe, it, expect } from 'vitest'
import { LiveEvent, LiveEventType } from './index'

const event = {
  seq: 42,
  topic: 'incidents',
  type: 'incident.created',
  id: 'inc-1',
  version: 1,
  at: '2026-03-02T08:15:00+08:00',
  data: { grade: 'IV' },
}

describe('LiveEvent', () => {
  it('accepts a valid event', () => {
    expect(LiveEvent.parse(event)).toEqual(event)
  })

  it.each([
    ['seq 0', { seq: 0 }],
    ['fractional seq', { seq: 1.5 }],
    ['unknown topic', { topic: 'weather' }],
    ['version 0', { version: 0 }],
    ['bad time', { at: 'now' }],
  ])('rejects %s', (_label, patch) => {
    expect(LiveEvent.safeParse({ ...event, ...patch }).success).toBe(false)
  })
})

describe('LiveEventType', () => {
  it.each([
    ['incident.created', true],
    ['case.dispatched', true],
    ['case.statusChanged', true],
    ['unit.moved', true],
    ['trafficReading.recorded', true],
    ['incident.createdV2', true],
    ['incident.createdV10', true],
    ['incident.createdV1', false],
    ['incident.create', false],
    ['incident.creates', false],
    ['Incident.created', false],
    ['incident_created', false],
    ['incident.', false],
  ])('%s valid = %s', (type, ok) => {
    expect(LiveEventType.safeParse(type).success).toBe(ok)
  })
})
