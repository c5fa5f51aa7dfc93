import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database } from '../../db/client'
import { users } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { dummyHash, verifyPassword } from '../../security/password-hash'
import { matchTotp } from '../../security/totp'
import { checkThrottle, recordAttempt, throttleKey } from './login-throttle-store'
import { createSession, type UserRow } from './sessions'

export const LoginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名 / Enter a username').max(64),
  password: z.string().min(1, '请输入密码 / Enter a password').max(256),
  totp: z.string().trim().max(16).optional(),
})
export type LoginInput = z.infer<typeof LoginInput>

export interface RequestMeta {
  address: string | null
  userAgent: string | null
}

const INVALID = '用户名或密码错误 / Wrong username or password.'

/**
 * Checks throttling, password and (when enrolled) TOTP; every attempt is audited. Failures
 * are committed before the error is thrown, so the throttle and the audit trail keep them.
 */
export async function login(db: Database, input: LoginInput, meta: RequestMeta, now: Date) {
  const keys = [
    { kind: 'account' as const, key: throttleKey('account', input.username) },
    ...(meta.address
      ? [{ kind: 'address' as const, key: throttleKey('address', meta.address) }]
      : []),
  ]
  const decision = await checkThrottle(db, keys, now)
  if (!decision.allowed) {
    await audit(db, null, input.username, meta, 'denied', { reason: decision.reason }, now)
    throw new HttpError(
      429,
      `登录尝试过多，请在 ${decision.retryAfterSeconds} 秒后重试 / Too many attempts: try again in ${decision.retryAfterSeconds} s.`,
      { reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds },
    )
  }
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()))
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash))
  if (!user || !passwordOk || !user.active) {
    await fail(db, keys, user ?? null, input.username, meta, 'invalidCredentials', now)
    throw new HttpError(401, INVALID, { reason: 'invalidCredentials' })
  }
  const mfaStep = user.mfaEnabled ? await checkSecondFactor(db, keys, user, input, meta, now) : null
  return db.transaction(async (tx) => {
    await recordAttempt(tx, keys, 'success', now)
    await tx
      .update(users)
      .set({ lastLoginAt: now, ...(mfaStep !== null ? { mfaLastStep: mfaStep } : {}) })
      .where(eq(users.id, user.id))
    const session = await createSession(tx, { userId: user.id, ...meta }, now)
    await audit(tx, user, user.username, meta, 'success', { mfa: mfaStep !== null }, now)
    return { ...session, user }
  })
}

async function checkSecondFactor(
  db: Database,
  keys: Parameters<typeof recordAttempt>[1],
  user: UserRow,
  input: LoginInput,
  meta: RequestMeta,
  now: Date,
): Promise<number> {
  if (!input.totp) {
    throw new HttpError(401, '请输入两步验证码 / Enter your two-step verification code.', {
      reason: 'mfaRequired',
    })
  }
  const step = user.mfaSecret
    ? matchTotp(user.mfaSecret, input.totp, now.getTime(), user.mfaLastStep)
    : null
  if (step === null) {
    await fail(db, keys, user, user.username, meta, 'badTotp', now)
    throw new HttpError(401, '验证码无效或已使用 / The code is wrong or was already used.', {
      reason: 'mfaRequired',
    })
  }
  return step
}

async function fail(
  db: Database,
  keys: Parameters<typeof recordAttempt>[1],
  user: UserRow | null,
  username: string,
  meta: RequestMeta,
  reason: string,
  now: Date,
) {
  await db.transaction(async (tx) => {
    await recordAttempt(tx, keys, 'failure', now)
    await audit(tx, user, username, meta, 'failure', { reason }, now)
  })
}

function audit(
  tx: Parameters<typeof appendAudit>[0],
  user: Pick<UserRow, 'id' | 'role'> | null,
  username: string,
  meta: RequestMeta,
  outcome: 'success' | 'failure' | 'denied',
  after: Record<string, unknown>,
  now: Date,
) {
  return appendAudit(
    tx,
    {
      actorId: user?.id ?? null,
      role: user?.role ?? null,
      address: meta.address,
      action: 'auth.login',
      objectType: 'user',
      objectId: username.slice(0, 64),
      outcome,
      after,
    },
    now,
  )
}
