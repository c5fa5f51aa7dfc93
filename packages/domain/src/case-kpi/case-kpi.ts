import { z } from 'zod'
import { parseOrThrow } from '../errors'

const count = z.number().int().min(0)

// GB/T 30428.4 practice [V: Tianmen figures, DOMAIN.md §2.1]: 结案率 = 结案数 / 应结案数 and
// 按期结案率 = 按期结案数 / 应结案数. Both numerators are subsets of 应结案, so they may not exceed it.
export const ClosureCounts = z
  .strictObject({ closed: count, due: count })
  .refine((c) => c.closed <= c.due, { message: 'closed cannot exceed due', path: ['closed'] })
export type ClosureCounts = z.infer<typeof ClosureCounts>

export const OnTimeClosureCounts = z
  .strictObject({ closedOnTime: count, due: count })
  .refine((c) => c.closedOnTime <= c.due, {
    message: 'closedOnTime cannot exceed due',
    path: ['closedOnTime'],
  })
export type OnTimeClosureCounts = z.infer<typeof OnTimeClosureCounts>

/** 结案率 as a ratio 0–1; null when nothing was due (no meaningful rate). */
export function closureRate(counts: ClosureCounts): number | null {
  const { closed, due } = parseOrThrow(ClosureCounts, counts, 'closure counts')
  return due === 0 ? null : closed / due
}

/** 按期结案率 as a ratio 0–1; null when nothing was due. */
export function onTimeClosureRate(counts: OnTimeClosureCounts): number | null {
  const { closedOnTime, due } = parseOrThrow(OnTimeClosureCounts, counts, 'on-time closure counts')
  return due === 0 ? null : closedOnTime / due
}

/** Formats a ratio as a percentage, half-up to `decimals` places: 0.937242… → "93.72%"; null → "—". */
export function formatPercent(ratio: number | null, decimals = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—'
  const scale = 10 ** decimals
  // The tiny nudge keeps values like 0.12345 (stored as 0.123449999…) rounding up as printed.
  const rounded = Math.round(ratio * 100 * scale + 1e-7) / scale
  return `${rounded.toFixed(decimals)}%`
}
