import { describe, it, expect } from 'vitest'
import { expectDomainError } from '../testing/expect-domain-error'
import {
  INITIAL_THROTTLE_STATE,
  THROTTLE_POLICY,
  ThrottlePolicy,
  backoffDelaySeconds,
  nextThrottleState,
  throttleDecision,
} from './login-throttle'
import type { ThrottleState } from './login-throttle'

const T0 = Date.parse('2026-03-02T09:00:00+08:00')
const MIN = 60_000

// Fails `n` times, each at the first instant the throttle allows; returns the state and the
// time of the last failure.
function failRepeatedly(
  n: number,
  policy: ThrottlePolicy = THROTTLE_POLICY.account,
): { state: ThrottleState; at: number } {
  let state = INITIAL_THROTTLE_STATE
  let at = T0
  for (let i = 0; i < n; i++) {
    const decision = throttleDecision(state, at, policy)
    if (!decision.allowed) at += decision.retryAfterSeconds * 1000
    state = nextThrottleState(state, 'failure', at, policy)
  }
  return { state, at }
}

describe('login throttle per account', () => {
  it.each([
    [1, { allowed: true }],
    [2, { allowed: true }],
    [3, { allowed: true }],
    [4, { allowed: false, reason: 'backoff', retryAfterSeconds: 1 }],
    [5, { allowed: false, reason: 'backoff', retryAfterSeconds: 2 }],
    [6, { allowed: false, reason: 'backoff', retryAfterSeconds: 4 }],
    [7, { allowed: false, reason: 'backoff', retryAfterSeconds: 8 }],
    [8, { allowed: false, reason: 'backoff', retryAfterSeconds: 16 }],
    [9, { allowed: false, reason: 'backoff', retryAfterSeconds: 32 }],
    [10, { allowed: false, reason: 'locked', retryAfterSeconds: 900 }],
  ] as const)('right after failure %i → %o', (n, decision) => {
    const { state, at } = failRepeatedly(n)
    expect(throttleDecision(state, at)).toEqual(decision)
  })

  it('the back-off ends on the exact second', () => {
    const { state, at } = failRepeatedly(4)
    expect(throttleDecision(state, at + 999)).toEqual({
      allowed: false,
      reason: 'backoff',
      retryAfterSeconds: 1,
    })
    expect(throttleDecision(state, at + 1000)).toEqual({ allowed: true })
  })

  it('the lock lasts 15 minutes, then the account starts afresh', () => {
    const { state, at } = failRepeatedly(10)
    expect(state.lockedUntil).toBe(at + 15 * MIN)
    expect(throttleDecision(state, at + 15 * MIN - 1)).toMatchObject({
      reason: 'locked',
      retryAfterSeconds: 1,
    })
    expect(throttleDecision(state, at + 15 * MIN)).toEqual({ allowed: true })
    const after = nextThrottleState(state, 'failure', at + 15 * MIN)
    expect(throttleDecision(after, at + 15 * MIN)).toEqual({ allowed: true })
  })

  it('failures fed in during a lock do not extend it', () => {
    const { state, at } = failRepeatedly(10)
    expect(nextThrottleState(state, 'failure', at + 5 * MIN)).toBe(state)
  })

  it('a success resets the count', () => {
    const { state, at } = failRepeatedly(9)
    const reset = nextThrottleState(state, 'success', at + 32_000)
    expect(reset).toEqual(INITIAL_THROTTLE_STATE)
    expect(throttleDecision(nextThrottleState(reset, 'failure', at + 33_000), at + 33_000)).toEqual(
      {
        allowed: true,
      },
    )
  })

  it('failures older than 15 minutes no longer count', () => {
    const { state, at } = failRepeatedly(3)
    const later = nextThrottleState(state, 'failure', at + 15 * MIN)
    expect(later.failures).toEqual([at + 15 * MIN])
    expect(throttleDecision(later, at + 15 * MIN)).toEqual({ allowed: true })
    // 14:59 later they still count: the 4th failure costs its 1 s.
    const within = nextThrottleState(state, 'failure', at + 15 * MIN - 1000)
    expect(throttleDecision(within, at + 15 * MIN - 1000)).toMatchObject({ reason: 'backoff' })
  })

  it('takes a Date as well as epoch ms', () => {
    const { state, at } = failRepeatedly(5)
    expect(throttleDecision(state, new Date(at))).toEqual(throttleDecision(state, at))
  })

  it('rejects an invalid instant', () => {
    expectDomainError(() => throttleDecision(INITIAL_THROTTLE_STATE, Number.NaN), 'VALIDATION')
    expectDomainError(() => throttleDecision(INITIAL_THROTTLE_STATE, new Date('x')), 'VALIDATION')
  })
})

describe('login throttle per address', () => {
  const policy = THROTTLE_POLICY.address

  it.each([
    [10, 0],
    [11, 1],
    [12, 2],
    [13, 4],
    [14, 8],
    [15, 8], // capped: a shared NAT address must not wait long
    [49, 8],
  ])('after failure %i waits %i s', (n, seconds) => {
    expect(backoffDelaySeconds(n, policy)).toBe(seconds)
  })

  it('locks at 50 failures within 15 minutes', () => {
    const { state, at } = failRepeatedly(50, policy)
    expect(at - T0).toBeLessThan(15 * MIN)
    expect(throttleDecision(state, at, policy)).toEqual({
      allowed: false,
      reason: 'locked',
      retryAfterSeconds: 900,
    })
  })

  it('one good login does not wipe the address record', () => {
    const { state, at } = failRepeatedly(12, policy)
    expect(nextThrottleState(state, 'success', at, policy)).toBe(state)
  })
})

describe('ThrottlePolicy', () => {
  it('accepts both defaults and rejects a lock that comes before the back-off', () => {
    expect(ThrottlePolicy.safeParse(THROTTLE_POLICY.account).success).toBe(true)
    expect(ThrottlePolicy.safeParse(THROTTLE_POLICY.address).success).toBe(true)
    const broken = { ...THROTTLE_POLICY.account, lockAfterFailures: 3 }
    expect(ThrottlePolicy.safeParse(broken).success).toBe(false)
  })
})
