import { Department, DEPARTMENT_KINDS, type Actor } from '@cityops/domain'
import { and, asc, count, eq } from 'drizzle-orm'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { departments, users } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { actorAudit } from '../actor-audit'

export const CreateDepartmentInput = z.object({
  code: Department.shape.code,
  name: z.string().trim().min(2).max(64),
  nameEn: z.string().trim().min(2).max(120),
  kind: z.enum(DEPARTMENT_KINDS),
  districtCode: z
    .string()
    .regex(/^\d{6}$/, '区县代码为 6 位数字 / A district code has 6 digits')
    .nullable()
    .optional(),
})
export const UpdateDepartmentInput = z
  .object({
    name: z.string().trim().min(2).max(64),
    nameEn: z.string().trim().min(2).max(120),
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的字段 / Nothing to change')

export const listDepartments = (db: Executor) =>
  db.select().from(departments).orderBy(asc(departments.code))

/** The department with this code; 404 with the code when there is none. */
export async function requireDepartment(db: Executor, code: string) {
  const [department] = await db.select().from(departments).where(eq(departments.code, code))
  if (!department)
    throw new HttpError(404, `没有代码为 ${code} 的部门 / There is no department ${code}.`)
  return department
}

/** A department and how many active handlers it has (its open work arrives with dispatch). */
export async function departmentSummary(db: Executor, code: string) {
  const department = await requireDepartment(db, code)
  const [handlers] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.departmentCode, code), eq(users.active, true)))
  return { department, activeHandlers: handlers?.n ?? 0 }
}

export async function createDepartment(
  db: Database,
  actor: Actor,
  address: string | null,
  input: z.infer<typeof CreateDepartmentInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ code: departments.code })
      .from(departments)
      .where(eq(departments.code, input.code))
    if (exists)
      throw new HttpError(
        409,
        `部门代码 ${input.code} 已存在 / Department code ${input.code} exists.`,
      )
    const [row] = await tx
      .insert(departments)
      .values({ ...input, districtCode: input.districtCode ?? null })
      .returning()
    await appendAudit(
      tx,
      {
        ...actorAudit(actor, address),
        action: 'department.create',
        objectType: 'department',
        objectId: input.code,
        outcome: 'success',
        after: row,
      },
      now,
    )
    return row
  })
}

export async function updateDepartment(
  db: Database,
  actor: Actor,
  address: string | null,
  code: string,
  patch: z.infer<typeof UpdateDepartmentInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(departments).where(eq(departments.code, code))
    if (!before)
      throw new HttpError(404, `没有代码为 ${code} 的部门 / There is no department ${code}.`)
    const [after] = await tx
      .update(departments)
      .set(patch)
      .where(eq(departments.code, code))
      .returning()
    await appendAudit(
      tx,
      {
        ...actorAudit(actor, address),
        action: 'department.update',
        objectType: 'department',
        objectId: code,
        outcome: 'success',
        before,
        after,
      },
      now,
    )
    return after
  })
}
