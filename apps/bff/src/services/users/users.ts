import {
  checkPassword,
  Department,
  PASSWORD_PROBLEM_LABELS,
  ROLES,
  User,
  type Actor,
  type Role,
} from '@cityops/domain'
import { asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { users } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { hashPassword } from '../../security/password-hash'
import { actorAudit, assertDepartmentExists } from '../actor-audit'
import { endSessions } from '../auth/sessions'

export const adminUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  departmentCode: users.departmentCode,
  active: users.active,
  mfaEnabled: users.mfaEnabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
}

export const CreateUserInput = z.object({
  username: User.shape.username,
  displayName: User.shape.displayName,
  role: z.enum(ROLES),
  departmentCode: Department.shape.code.nullable().optional(),
  password: z.string().max(256),
})
export const UpdateUserInput = z
  .object({
    displayName: User.shape.displayName,
    role: z.enum(ROLES),
    departmentCode: Department.shape.code.nullable(),
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的字段 / Nothing to change')

export const listUsers = (db: Database) =>
  db.select(adminUserColumns).from(users).orderBy(asc(users.username))

/** Password rules from the domain; a violation is a 400 listing every problem. */
export function assertPasswordAcceptable(
  password: string,
  user: { username: string; displayName?: string },
) {
  const check = checkPassword(password, user)
  if (!check.ok) {
    const zh = check.problems.map((p) => PASSWORD_PROBLEM_LABELS[p].zh).join('；')
    const en = check.problems.map((p) => PASSWORD_PROBLEM_LABELS[p].en).join('; ')
    throw new HttpError(
      400,
      `密码不符合要求：${zh} / The password does not meet the rules: ${en}.`,
      {
        problems: check.problems,
      },
    )
  }
}

function assertDepartmentRule(role: Role, departmentCode: string | null | undefined) {
  if (role === 'handler' && !departmentCode) {
    throw new HttpError(400, '处置人员必须属于一个部门 / A handler must belong to a department.')
  }
  if (role !== 'handler' && departmentCode) {
    throw new HttpError(400, '只有处置人员属于部门 / Only handlers belong to a department.')
  }
}

export async function createUser(
  db: Database,
  actor: Actor | null,
  address: string | null,
  input: z.infer<typeof CreateUserInput> & {
    isDemo?: boolean
    skipPasswordRules?: boolean
    /** A hash of `input.password` made earlier (the demo accounts share one). */
    passwordHash?: string
  },
  now: Date,
) {
  if (!input.skipPasswordRules) assertPasswordAcceptable(input.password, input)
  assertDepartmentRule(input.role, input.departmentCode)
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password))
  return db.transaction(async (tx) => {
    if (input.departmentCode) await assertDepartmentExists(tx, input.departmentCode)
    await assertUsernameFree(tx, input.username)
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        departmentCode: input.departmentCode ?? null,
        passwordHash,
        isDemo: input.isDemo ?? false,
        passwordChangedAt: now,
        createdAt: now,
      })
      .returning(adminUserColumns)
    if (!row) throw new Error('insert returned no row')
    await appendAudit(
      tx,
      {
        ...actorAudit(actor, address),
        action: 'user.create',
        objectType: 'user',
        objectId: row.id,
        outcome: 'success',
        after: row,
      },
      now,
    )
    return row
  })
}

async function assertUsernameFree(tx: Executor, username: string) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
  if (taken)
    throw new HttpError(409, `用户名 ${username} 已被使用 / The username ${username} is taken.`)
}

/** Changes a user; deactivation ends every session at once. Returns the ended session ids. */
export async function updateUser(
  db: Database,
  actor: Actor,
  address: string | null,
  id: string,
  patch: z.infer<typeof UpdateUserInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(adminUserColumns).from(users).where(eq(users.id, id))
    if (!before) throw new HttpError(404, '没有这个用户 / No such user.')
    const role = patch.role ?? before.role
    const departmentCode =
      patch.departmentCode !== undefined ? patch.departmentCode : before.departmentCode
    assertDepartmentRule(role, departmentCode)
    if (departmentCode) await assertDepartmentExists(tx, departmentCode)
    const [after] = await tx
      .update(users)
      .set(patch)
      .where(eq(users.id, id))
      .returning(adminUserColumns)
    const endsSessions =
      patch.active === false || patch.role !== undefined || patch.departmentCode !== undefined
    const ended = endsSessions ? await endSessions(tx, { userId: id }, 'userChanged', now) : []
    await appendAudit(
      tx,
      {
        ...actorAudit(actor, address),
        action: 'user.update',
        objectType: 'user',
        objectId: id,
        outcome: 'success',
        before,
        after,
      },
      now,
    )
    return { user: after, endedSessions: ended }
  })
}

/** Sets a password (admin reset or own change); ends the user's other sessions. */
export async function setPassword(
  db: Database,
  actor: Actor,
  address: string | null,
  target: { id: string; username: string; displayName: string },
  password: string,
  options: { keepSession?: string; action: 'user.resetPassword' | 'self.changePassword' },
  now: Date,
) {
  assertPasswordAcceptable(password, target)
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(eq(users.id, target.id))
    const ended = await endSessions(
      tx,
      { userId: target.id, except: options.keepSession },
      'passwordChanged',
      now,
    )
    await appendAudit(
      tx,
      {
        ...actorAudit(actor, address),
        action: options.action,
        objectType: 'user',
        objectId: target.id,
        outcome: 'success',
      },
      now,
    )
    return ended
  })
}
