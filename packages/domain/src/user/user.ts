import { z } from 'zod'
import { DepartmentCode } from '../department'
import { EntityId } from '../common'
import { ROLES } from './role'

export const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'Username: 2–64 chars of a-z, 0-9, ".", "_" or "-"')
export type Username = z.infer<typeof Username>

export const User = z
  .object({
    id: EntityId,
    username: Username,
    displayName: z.string().min(1).max(100),
    role: z.enum(ROLES),
    // Handlers act for one 专业部门; every other role works across departments.
    departmentCode: DepartmentCode.nullable(),
    active: z.boolean(),
  })
  .refine((u) => (u.role === 'handler') === (u.departmentCode !== null), {
    message: 'departmentCode is required for handlers and must be null for other roles',
    path: ['departmentCode'],
  })
export type User = z.infer<typeof User>
