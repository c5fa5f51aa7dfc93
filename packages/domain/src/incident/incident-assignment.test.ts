import { describe, expect, it } from 'vitest'
import {
  ASSIGNMENT_STATUSES,
  ASSIGNMENT_STATUS_TRANSITIONS,
  overdueAssignments,
  type IncidentAssignment,
} from './index'

type Slice = Pick<IncidentAssignment, 'status' | 'notifiedAt' | 'escalatedAt'> & { id: string }
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 2, 0, seconds)).toISOString()
const notified = (id: string, seconds: number, patch: Partial<Slice> = {}): Slice => ({
  id,
  status: 'notified',
  notifiedAt: at(seconds),
  escalatedAt: null,
  ...patch,
})

describe('assignment lifecycle', () => {
  it('is one straight line from notified to finished', () => {
    expect(Object.keys(ASSIGNMENT_STATUS_TRANSITIONS)).toEqual([...ASSIGNMENT_STATUSES])
    ASSIGNMENT_STATUSES.forEach((status, i) => {
      const next = ASSIGNMENT_STATUSES[i + 1]
      expect(ASSIGNMENT_STATUS_TRANSITIONS[status]).toEqual(next ? [next] : [])
    })
  })
})

describe('overdueAssignments', () => {
  const list = [
    notified('a', 0),
    notified('b', 100),
    notified('c', 0, { status: 'acknowledged' }),
    notified('d', 0, { escalatedAt: at(301) }),
  ]

  it.each([
    [300, []], // exactly at the timeout: still within it
    [301, ['a']],
    [400, ['a']],
    [401, ['a', 'b']],
  ])('at +%s s with a 300 s timeout → %j', (seconds, expected) => {
    expect(overdueAssignments(list, at(seconds), 300).map((a) => a.id)).toEqual(expected)
  })

  it('never returns acknowledged or already escalated assignments, however late', () => {
    expect(overdueAssignments(list, at(100_000), 300).map((a) => a.id)).toEqual(['a', 'b'])
  })

  it('follows the configured timeout', () => {
    expect(overdueAssignments(list, at(61), 60).map((a) => a.id)).toEqual(['a'])
  })
})
