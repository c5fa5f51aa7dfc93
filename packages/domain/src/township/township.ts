import { z } from 'zod'
import { KnownAdminCode, isKnownAdminCode } from '../district'

// NBS 统计用区划代码: 6-digit county (or functional area) + 3-digit township/street.
export const TownshipCode = z
  .string()
  .regex(/^\d{9}$/, 'Township code must be 9 digits')
  .refine(
    (code) => isKnownAdminCode(code.slice(0, 6)),
    'Township code must start with a known admin code',
  )
export type TownshipCode = z.infer<typeof TownshipCode>

export const Township = z
  .object({
    code: TownshipCode,
    name: z.string().min(1),
    districtCode: KnownAdminCode,
  })
  .refine((t) => t.code.startsWith(t.districtCode), {
    message: 'Township code must start with its districtCode',
    path: ['districtCode'],
  })
export type Township = z.infer<typeof Township>
