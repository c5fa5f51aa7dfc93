import { describe, expect, it } from 'vitest'
import { LiveEventType } from '../live-event'
import { CASE_COMMAND_TYPES } from './case-commands'
import { CASE_EVENT_TYPES, caseCommandOfEvent } from './case-events'

describe('case event types', () => {
  it('names every action with a valid, distinct live event type', () => {
    const types = CASE_COMMAND_TYPES.map((a) => CASE_EVENT_TYPES[a])
    for (const type of types) expect(LiveEventType.safeParse(type).success, type).toBe(true)
    expect(new Set(types).size).toBe(CASE_COMMAND_TYPES.length)
  })

  it('maps an event back to its action, and other events to null', () => {
    for (const action of CASE_COMMAND_TYPES)
      expect(caseCommandOfEvent(CASE_EVENT_TYPES[action])).toBe(action)
    expect(caseCommandOfEvent('case.reported')).toBeNull()
    expect(caseCommandOfEvent('case.dispatch')).toBeNull()
  })
})
