import type { Actor } from '@cityops/domain'
import { eq } from 'drizzle-orm'
import { appendAudit } from '../../audit/append-audit'
import type { Database } from '../../db/client'
import { users } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { matchTotp, newTotpSecret, otpauthUrl } from '../../security/totp'
import { actorAudit } from '../actor-audit'

type Who = { actor: Actor; userId: string; address: string | null }

/** Stores a new pending secret; it takes effect only once a code from it is confirmed. */
export async function setupMfa(db: Database, who: Who) {
  const [user] = await db.select().from(users).where(eq(users.id, who.userId))
  if (!user) throw new HttpError(404, '没有这个用户 / No such user.')
  if (user.mfaEnabled)
    throw new HttpError(409, '两步验证已启用 / Two-step verification is already on.')
  const secret = newTotpSecret()
  await db.update(users).set({ mfaSecret: secret, mfaLastStep: null }).where(eq(users.id, user.id))
  return { secret, otpauthUrl: otpauthUrl(secret, user.username) }
}

export async function setMfaEnabled(
  db: Database,
  who: Who,
  code: string,
  enable: boolean,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, who.userId))
    if (!user?.mfaSecret || user.mfaEnabled === enable) {
      throw new HttpError(
        409,
        enable
          ? '请先生成密钥 / Start the setup first.'
          : '两步验证未启用 / Two-step verification is off.',
      )
    }
    const step = matchTotp(user.mfaSecret, code, now.getTime(), user.mfaLastStep)
    if (step === null)
      throw new HttpError(400, '验证码无效或已使用 / The code is wrong or was already used.')
    await tx
      .update(users)
      .set(
        enable
          ? { mfaEnabled: true, mfaLastStep: step }
          : { mfaEnabled: false, mfaSecret: null, mfaLastStep: null },
      )
      .where(eq(users.id, user.id))
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: enable ? 'self.enableMfa' : 'self.disableMfa',
        objectType: 'user',
        objectId: user.id,
        outcome: 'success',
      },
      now,
    )
  })
}
