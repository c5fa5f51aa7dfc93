import { sessionExpiry, SESSION_POLICY, type Role } from '@cityops/domain'
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { sessions, users } from '../../db/schema'
import { newToken, sha256Hex } from '../../security/tokens'

export type UserRow = typeof users.$inferSelect
export type SessionRow = typeof sessions.$inferSelect

// Writing last_seen_at on every request would turn reads into writes; a minute is far
// below the 30-minute idle limit.
const TOUCH_AFTER_MS = 60_000

export async function createSession(
  tx: Executor,
  input: { userId: string; address: string | null; userAgent: string | null },
  now: Date,
): Promise<{ token: string; idHash: string }> {
  const token = newToken()
  const idHash = sha256Hex(token)
  await tx.insert(sessions).values({
    idHash,
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    address: input.address,
    userAgent: input.userAgent?.slice(0, 256) ?? null,
  })
  return { token, idHash }
}

export type SessionLookup =
  { status: 'active'; session: SessionRow; user: UserRow } | { status: 'expired' | 'unknown' }

/** Finds the live session for a cookie token, ending it if it has timed out. */
export async function resolveSession(
  db: Executor,
  token: string,
  now: Date,
): Promise<SessionLookup> {
  const idHash = sha256Hex(token)
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash))
  if (!row || row.session.endedAt) return { status: row ? 'expired' : 'unknown' }
  const expiry = sessionExpiry(
    { createdAt: row.session.createdAt, lastSeenAt: row.session.lastSeenAt },
    now,
    SESSION_POLICY,
  )
  if (expiry !== 'active' || !row.user.active) {
    await endSessions(db, { idHash }, row.user.active ? `timeout:${expiry}` : 'userDisabled', now)
    return { status: 'expired' }
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash))
  }
  return { status: 'active', session: row.session, user: row.user }
}

/** Ends one session, or every open session of a user (optionally but one); returns the ended ids. */
export async function endSessions(
  tx: Executor,
  which: { idHash: string } | { userId: string; except?: string },
  reason: string,
  now: Date,
): Promise<string[]> {
  const open = isNull(sessions.endedAt)
  const where =
    'idHash' in which
      ? and(eq(sessions.idHash, which.idHash), open)
      : and(
          eq(sessions.userId, which.userId),
          open,
          which.except ? ne(sessions.idHash, which.except) : undefined,
        )
  const ended = await tx
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(where)
    .returning({ idHash: sessions.idHash })
  return ended.map((s) => s.idHash)
}

export function sessionDeadlines(session: Pick<SessionRow, 'createdAt' | 'lastSeenAt'>) {
  return {
    idleExpiresAt: new Date(session.lastSeenAt.getTime() + SESSION_POLICY.idleMinutes * 60_000),
    absoluteExpiresAt: new Date(
      session.createdAt.getTime() + SESSION_POLICY.absoluteHours * 3_600_000,
    ),
  }
}

export const MFA_REQUIRED_ROLES: readonly Role[] = ['admin', 'leader']
