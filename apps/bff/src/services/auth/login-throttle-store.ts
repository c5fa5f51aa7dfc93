import {
  INITIAL_THROTTLE_STATE,
  nextThrottleState,
  throttleDecision,
  THROTTLE_POLICY,
  ThrottleState,
  type ThrottleDecision,
  type ThrottleOutcome,
} from '@cityops/domain'
import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { loginThrottle } from '../../db/schema'

export type ThrottleKind = keyof typeof THROTTLE_POLICY
export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.toLowerCase()}`

async function load(tx: Executor, key: string): Promise<ThrottleState> {
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key))
  const parsed = ThrottleState.safeParse(row?.state)
  return parsed.success ? parsed.data : INITIAL_THROTTLE_STATE
}

/** The strictest decision over the keys (account and address): a block on either blocks. */
export async function checkThrottle(
  tx: Executor,
  keys: { kind: ThrottleKind; key: string }[],
  now: Date,
): Promise<ThrottleDecision> {
  let worst: ThrottleDecision = { allowed: true }
  for (const { kind, key } of keys) {
    const decision = throttleDecision(await load(tx, key), now, THROTTLE_POLICY[kind])
    if (
      !decision.allowed &&
      (worst.allowed || decision.retryAfterSeconds > worst.retryAfterSeconds)
    ) {
      worst = decision
    }
  }
  return worst
}

export async function recordAttempt(
  tx: Executor,
  keys: { kind: ThrottleKind; key: string }[],
  outcome: ThrottleOutcome,
  now: Date,
): Promise<void> {
  for (const { kind, key } of keys) {
    const state = nextThrottleState(await load(tx, key), outcome, now, THROTTLE_POLICY[kind])
    await tx
      .insert(loginThrottle)
      .values({ key, state, updatedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: { state: sql`excluded.state`, updatedAt: now },
      })
  }
}
