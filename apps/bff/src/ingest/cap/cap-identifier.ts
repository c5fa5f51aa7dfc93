import { z } from 'zod'
import { CITY_CODE } from '@cityops/domain'
import { CapError } from './cap-error'
import { compactBeijingTime } from './cap-time'

// The GB/T 35965.1-style value rule quoted in DOMAIN.md §2.3 (which document defines it is
// unverified [U]): ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N, 31 characters — 6-digit GB/T 2260 admin
// code, 3-digit GB/T 4657 organisation code, 3-digit internal code (default 000), 2-digit
// extension (default 00), entry time in Beijing time, then a 0–9 sequence.
export const GBT_35965_IDENTIFIER = /^(\d{6})(\d{3})(\d{3})(\d{2})_(\d{14})_(\d)$/

export const CapIdentifierParts = z.object({
  adminCode: z
    .string()
    .regex(/^\d{6}$/)
    .default(CITY_CODE),
  /** GB/T 4657 code of the issuing organisation; ours is not confirmed, so 000 until it is. */
  orgCode: z
    .string()
    .regex(/^\d{3}$/)
    .default('000'),
  internalCode: z
    .string()
    .regex(/^\d{3}$/)
    .default('000'),
  extension: z
    .string()
    .regex(/^\d{2}$/)
    .default('00'),
  sequence: z.number().int().min(0).max(9).default(0),
})
export type CapIdentifierParts = z.input<typeof CapIdentifierParts>

/** Builds e.g. `41010000000000_20250720093000_0` from the parts and the entry time. */
export function buildCapIdentifier(parts: CapIdentifierParts, enteredAt: Date | string): string {
  const result = CapIdentifierParts.safeParse(parts)
  if (!result.success) {
    const field = String(result.error.issues[0]?.path[0] ?? 'identifier')
    throw new CapError(
      'INVALID',
      `标识符字段 ${field} 不符合规则（行政区划 6 位、机构 3 位、内部 3 位、扩展 2 位、序号 0–9）`,
      `identifier part ${field} is invalid (admin 6 digits, org 3, internal 3, extension 2, sequence 0–9)`,
      'alert/identifier',
    )
  }
  const p = result.data
  const time = compactBeijingTime(enteredAt)
  return `${p.adminCode}${p.orgCode}${p.internalCode}${p.extension}_${time}_${p.sequence}`
}
