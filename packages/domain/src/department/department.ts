import { z } from 'zod'
import { KnownAdminCode } from '../district'

export const DEPARTMENT_KINDS = [
  'cityManagement',
  'environment',
  'trafficPolice',
  'fire',
  'medical',
  'police',
  'water',
  'gas',
  'power',
  'landscape',
  'municipal',
  'emergency',
  'hotline',
  'districtCityManagement',
] as const
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number]

// Codes become usernames (`handler-<code>`), so they stay lowercase ASCII.
export const DepartmentCode = z
  .string()
  .regex(/^[a-z0-9-]{2,32}$/, 'Department code must match /^[a-z0-9-]{2,32}$/')
export type DepartmentCode = z.infer<typeof DepartmentCode>

export const Department = z
  .object({
    code: DepartmentCode,
    name: z.string().min(1),
    nameEn: z.string().min(1),
    kind: z.enum(DEPARTMENT_KINDS),
    districtCode: KnownAdminCode.optional(),
  })
  .refine((d) => d.kind !== 'districtCityManagement' || d.districtCode !== undefined, {
    message: 'A district city-management office needs its districtCode',
    path: ['districtCode'],
  })
export type Department = z.infer<typeof Department>
