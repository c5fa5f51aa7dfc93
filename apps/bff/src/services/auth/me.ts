import { permissionsOf, userActor } from '@cityops/domain'
import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { departments, users } from '../../db/schema'
import type { SessionInfo } from '../../http/context'
import { HttpError } from '../../http/http-error'
import { MFA_REQUIRED_ROLES, sessionDeadlines } from './sessions'

/** The `Me` document of docs/API.md: who I am, what I may do, and my session's deadlines. */
export async function buildMe(db: Executor, session: SessionInfo, requireMfa: boolean) {
  const [row] = await db
    .select({ user: users, department: departments })
    .from(users)
    .leftJoin(departments, eq(departments.code, users.departmentCode))
    .where(eq(users.id, session.userId))
  if (!row) throw new HttpError(401, '请先登录 / Log in first.', { reason: 'unauthenticated' })
  const { user, department } = row
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      departmentCode: user.departmentCode,
      department: department
        ? { code: department.code, name: department.name, nameEn: department.nameEn }
        : null,
    },
    permissions: permissionsOf(userActor(user)),
    mfa: {
      enabled: user.mfaEnabled,
      required: requireMfa && MFA_REQUIRED_ROLES.includes(user.role),
    },
    session: sessionDeadlines(session),
  }
}
