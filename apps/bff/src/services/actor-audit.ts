import type { Actor } from '@cityops/domain'
import { eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { departments } from '../db/schema'
import { HttpError } from '../http/http-error'

/** The who-and-where part of an audit entry for an actor. */
export function actorAudit(actor: Actor | null, address: string | null) {
  if (!actor) return { actorId: null, role: null, address }
  return actor.kind === 'user'
    ? { actorId: actor.userId, role: actor.role, address }
    : { actorId: `apiKey:${actor.keyId}`, role: null, address }
}

export async function assertDepartmentExists(tx: Executor, code: string) {
  const [row] = await tx
    .select({ code: departments.code })
    .from(departments)
    .where(eq(departments.code, code))
  if (!row)
    throw new HttpError(
      400,
      `没有代码为 ${code} 的部门 / There is no department with code ${code}.`,
    )
}
