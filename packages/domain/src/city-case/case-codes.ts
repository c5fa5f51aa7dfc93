import { z } from 'zod'
import { DomainError } from '../errors'
import { isKnownAdminCode } from '../district'

export const CASE_KINDS = ['component', 'event'] as const // 部件 | 事件
export type CaseKind = (typeof CASE_KINDS)[number]

// 2-digit 大类 + 2-digit 小类, e.g. "0101" = 公用设施 / 上水井盖 (GB/T 30428.2 practice, [U]).
export const CategoryCode = z
  .string()
  .regex(/^\d{4}$/, 'Category code must be 4 digits (大类 + 小类)')
export type CategoryCode = z.infer<typeof CategoryCode>

// Component instance id: admin 6 + 大类 2 + 小类 2 + sequence 6, e.g. 3205080101000001.
export const ComponentId = z
  .string()
  .regex(/^\d{16}$/, 'Component id must be 16 digits')
  .refine(
    (id) => isKnownAdminCode(id.slice(0, 6)),
    'Component id must start with a known admin code',
  )
export type ComponentId = z.infer<typeof ComponentId>

export interface ComponentIdParts {
  admin: string
  major: string
  minor: string
  categoryCode: string
  sequence: string
}

export function parseComponentId(id: string): ComponentIdParts {
  const result = ComponentId.safeParse(id)
  if (!result.success) {
    throw new DomainError('VALIDATION', result.error.issues[0]?.message ?? 'Invalid component id', {
      id,
    })
  }
  return {
    admin: id.slice(0, 6),
    major: id.slice(6, 8),
    minor: id.slice(8, 10),
    categoryCode: id.slice(6, 10),
    sequence: id.slice(10),
  }
}
