import type { Instant } from './instant'
import { toEpochMs } from './instant'

export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
}

// GB/T 22239-2019 (等保 2.0) 8.1.4.1 b) asks for automatic logout on connection timeout [U: clause
// wording from secondary sources]; the numbers are common practice, not from the standard:
// 30 idle minutes, and 12 hours = one long duty shift, after which a fresh login is required.
export const SESSION_POLICY = {
  idleMinutes: 30,
  absoluteHours: 12,
} as const satisfies SessionPolicy

export interface SessionTimes {
  createdAt: Instant
  lastSeenAt: Instant
}

export const SESSION_EXPIRIES = ['active', 'idle', 'absolute'] as const
export type SessionExpiry = (typeof SESSION_EXPIRIES)[number]

/**
 * Whether a session is still usable at `now`. It expires at the exact limit (30:00 idle is
 * expired); when both limits have passed, `absolute` wins because activity cannot fix it.
 */
export function sessionExpiry(
  session: SessionTimes,
  now: Instant,
  policy: SessionPolicy = SESSION_POLICY,
): SessionExpiry {
  const nowMs = toEpochMs(now)
  if (nowMs - toEpochMs(session.createdAt) >= policy.absoluteHours * 3_600_000) return 'absolute'
  if (nowMs - toEpochMs(session.lastSeenAt) >= policy.idleMinutes * 60_000) return 'idle'
  return 'active'
}
