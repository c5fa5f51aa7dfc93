import { z } from 'zod'
import { DomainError } from '../errors'
import { isKnownAdminCode } from '../district'

// DOMAIN.md §2.1: national practice (CJ/T 213 → GB/T 30428.1) is 14 digits = admin 6 + street 3
// + community 3 + grid 2; Beijing DB11 is 15 = 6 + 3 + 3 + 3. The exact national length is [U],
// so the length is configuration, not a constant.
export const GRID_CODE_LENGTHS = [14, 15] as const
export type GridCodeLength = (typeof GRID_CODE_LENGTHS)[number]
export const DEFAULT_GRID_CODE_LENGTH: GridCodeLength = 14

export interface GridCodeParts {
  code: string
  length: GridCodeLength
  admin: string
  street: string
  community: string
  sequence: string
  /** [C] national practice: a sequence of all zeros names the whole community grid. */
  isCommunityGrid: boolean
}

export function gridCodeSchema(length: GridCodeLength) {
  return z
    .string()
    .regex(new RegExp(`^\\d{${length}}$`), `Grid code must be ${length} digits`)
    .refine(
      (code) => isKnownAdminCode(code.slice(0, 6)),
      'Grid code must start with a known admin code',
    )
}

/** A grid code of either configured length (14 or 15 digits) with a known admin prefix. */
export const GridCode = z.union([gridCodeSchema(14), gridCodeSchema(15)])
export type GridCode = z.infer<typeof GridCode>

export function parseGridCode(code: string, options: { length: GridCodeLength }): GridCodeParts {
  const result = gridCodeSchema(options.length).safeParse(code)
  if (!result.success) {
    throw new DomainError('VALIDATION', result.error.issues[0]?.message ?? 'Invalid grid code', {
      code,
    })
  }
  const sequence = code.slice(12)
  return {
    code,
    length: options.length,
    admin: code.slice(0, 6),
    street: code.slice(6, 9),
    community: code.slice(9, 12),
    sequence,
    isCommunityGrid: /^0+$/.test(sequence),
  }
}
