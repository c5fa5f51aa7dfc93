import { describe, it, expect } from 'vitest'
import { SESSION_POLICY, sessionExpiry } from './session-policy'

const T0 = Date.parse('2026-03-02T08:00:00+08:00')
const MIN = 60_000
const HOUR = 60 * MIN

describe('sessionExpiry', () => {
  it.each([
    ['just created', 0, 0, 'active'],
    ['idle 29:59', 0, 30 * MIN - 1000, 'active'],
    ['idle exactly 30:00', 0, 30 * MIN, 'idle'],
    ['busy, 11:59:59 old', 12 * HOUR - 1000 - 10 * MIN, 12 * HOUR - 1000, 'active'],
    ['busy, exactly 12 h old', 12 * HOUR - 10 * MIN, 12 * HOUR, 'absolute'],
    ['idle and past 12 h', 0, 13 * HOUR, 'absolute'],
  ] as const)('%s → %s', (_label, lastSeenOffset, nowOffset, expiry) => {
    const session = { createdAt: T0, lastSeenAt: T0 + lastSeenOffset }
    expect(sessionExpiry(session, T0 + nowOffset)).toBe(expiry)
  })

  it('accepts Dates and a stricter policy', () => {
    const session = { createdAt: new Date(T0), lastSeenAt: new Date(T0) }
    expect(
      sessionExpiry(session, new Date(T0 + 10 * MIN), { idleMinutes: 5, absoluteHours: 8 }),
    ).toBe('idle')
    expect(SESSION_POLICY).toEqual({ idleMinutes: 30, absoluteHours: 12 })
  })
})
