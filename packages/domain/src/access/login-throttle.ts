import { z } from 'zod'
import type { Instant } from './instant'
import { toEpochMs } from './instant'

export const ThrottlePolicy = z
  .object({
    freeFailures: z.number().int().min(0), // failures in the window that cost no delay
    baseDelaySeconds: z.number().positive(), // delay after the first failure past the free ones
    maxDelaySeconds: z.number().positive(), // cap of the doubling
    lockAfterFailures: z.number().int().min(1), // failures in the window that lock
    windowMinutes: z.number().positive(),
    lockMinutes: z.number().positive(),
    // Per-address counters must not be reset by one good login, or an attacker holding one
    // valid account could wipe the address's record between guesses.
    resetOnSuccess: z.boolean(),
  })
  .refine((p) => p.lockAfterFailures > p.freeFailures, {
    message: 'lockAfterFailures must exceed freeFailures',
    path: ['lockAfterFailures'],
  })
export type ThrottlePolicy = z.infer<typeof ThrottlePolicy>

// GB/T 22239-2019 (等保 2.0) 8.1.4.1 b) 登录失败处理功能 … 限制非法登录次数 [U: clause wording from
// secondary sources; the standard sets no numbers]. Numbers are our practice: per account,
// 3 free failures, then 1 s, 2 s, 4 s …, and a 15-minute lock at 10 failures within 15 minutes.
// Per address thresholds are higher and the cap short, because a whole 城管 centre may share
// one NAT address.
export const THROTTLE_POLICY = {
  account: {
    freeFailures: 3,
    baseDelaySeconds: 1,
    maxDelaySeconds: 60,
    lockAfterFailures: 10,
    windowMinutes: 15,
    lockMinutes: 15,
    resetOnSuccess: true,
  },
  address: {
    freeFailures: 10,
    baseDelaySeconds: 1,
    maxDelaySeconds: 8,
    lockAfterFailures: 50,
    windowMinutes: 15,
    lockMinutes: 15,
    resetOnSuccess: false,
  },
} as const satisfies Record<'account' | 'address', ThrottlePolicy>

// Epoch ms of the failures still inside the window, oldest first; kept as JSON by the BFF.
export const ThrottleState = z.object({
  failures: z.array(z.number()),
  lockedUntil: z.number().nullable(),
})
export type ThrottleState = z.infer<typeof ThrottleState>

export const INITIAL_THROTTLE_STATE: ThrottleState = { failures: [], lockedUntil: null }

export type ThrottleOutcome = 'success' | 'failure'

export type ThrottleDecision =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: 'backoff' | 'locked' }

/** Seconds to wait after the `failures`-th failure in the window: 0 for the free ones. */
export function backoffDelaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures <= policy.freeFailures) return 0
  const doubled = policy.baseDelaySeconds * 2 ** (failures - policy.freeFailures - 1)
  return Math.min(doubled, policy.maxDelaySeconds)
}

function inWindow(failures: readonly number[], nowMs: number, policy: ThrottlePolicy): number[] {
  return failures.filter((at) => nowMs - at < policy.windowMinutes * 60_000)
}

type LockedState = ThrottleState & { lockedUntil: number }

function isLocked(state: ThrottleState, nowMs: number): state is LockedState {
  return state.lockedUntil !== null && nowMs < state.lockedUntil
}

/**
 * Records one login attempt the throttle allowed. Attempts refused by `throttleDecision` are not
 * checked against the password, so they are not outcomes and must not be fed in here.
 */
export function nextThrottleState(
  state: ThrottleState,
  outcome: ThrottleOutcome,
  now: Instant,
  policy: ThrottlePolicy = THROTTLE_POLICY.account,
): ThrottleState {
  const nowMs = toEpochMs(now)
  if (outcome === 'success') return policy.resetOnSuccess ? INITIAL_THROTTLE_STATE : state
  if (isLocked(state, nowMs)) return state
  const failures = [...inWindow(state.failures, nowMs, policy), nowMs]
  if (failures.length >= policy.lockAfterFailures) {
    return { failures: [], lockedUntil: nowMs + policy.lockMinutes * 60_000 }
  }
  return { failures, lockedUntil: null }
}

export function throttleDecision(
  state: ThrottleState,
  now: Instant,
  policy: ThrottlePolicy = THROTTLE_POLICY.account,
): ThrottleDecision {
  const nowMs = toEpochMs(now)
  if (isLocked(state, nowMs)) {
    return {
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: secondsUntil(state.lockedUntil, nowMs),
    }
  }
  const failures = inWindow(state.failures, nowMs, policy)
  const last = failures[failures.length - 1]
  if (last === undefined) return { allowed: true }
  const retryAt = last + backoffDelaySeconds(failures.length, policy) * 1000
  if (nowMs < retryAt) {
    return { allowed: false, reason: 'backoff', retryAfterSeconds: secondsUntil(retryAt, nowMs) }
  }
  return { allowed: true }
}

// Rounded up: telling a client to retry a little early would only earn it another refusal.
function secondsUntil(atMs: number, nowMs: number): number {
  return Math.ceil((atMs - nowMs) / 1000)
}
