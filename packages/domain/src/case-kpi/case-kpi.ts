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

// 返工率 and 回退率 are "commonly used indicators" without a spec text (DOMAIN.md §2.1 综合评价 [U]).
// We keep every rate over a count it is a subset of, so each stays in 0–1:
// 返工率 = cases 返工'd at least once (核查 failed, rule 5) / 应结案 [U: denominator chosen to sit
// beside 结案率 and 按期结案率]; 回退率 = approved 回退 / 派遣 in the period [U].
export const ReworkCounts = z
  .strictObject({ reworked: count, due: count })
  .refine((c) => c.reworked <= c.due, { message: 'reworked cannot exceed due', path: ['reworked'] })
export type ReworkCounts = z.infer<typeof ReworkCounts>

export const ReturnCounts = z
  .strictObject({ returned: count, dispatched: count })
  .refine((c) => c.returned <= c.dispatched, {
    message: 'returned cannot exceed dispatched',
    path: ['returned'],
  })
export type ReturnCounts = z.infer<typeof ReturnCounts>

/** 返工率 as a ratio 0–1; null when nothing was due. */
export function reworkRate(counts: ReworkCounts): number | null {
  const { reworked, due } = parseOrThrow(ReworkCounts, counts, 'rework counts')
  return due === 0 ? null : reworked / due
}

/** 回退率 as a ratio 0–1; null when nothing was dispatched. */
export function returnRate(counts: ReturnCounts): number | null {
  const { returned, dispatched } = parseOrThrow(ReturnCounts, counts, 'return counts')
  return dispatched === 0 ? null : returned / dispatched
}

export const HandlingTotals = z.strictObject({
  totalHours: z.number().min(0),
  cases: count,
})
export type HandlingTotals = z.infer<typeof HandlingTotals>

/**
 * Average handling time in hours: from the last 派遣 to the 处置反馈 that was accepted (the last
 * one before 结案), natural hours, over the closed cases [U: no spec defines the span]. Rounded
 * to 0.1 h; null without closed cases.
 */
export function averageHandlingHours(totals: HandlingTotals): number | null {
  const { totalHours, cases } = parseOrThrow(HandlingTotals, totals, 'handling totals')
  return cases === 0 ? null : Math.round((totalHours / cases) * 10) / 10
}

/** Formats a ratio as a percentage, half-up to `decimals` places: 0.937242… → "93.72%"; null → "—". */
export function formatPercent(ratio: number | null, decimals = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—'
  const scale = 10 ** decimals
  // The tiny nudge keeps values like 0.12345 (stored as 0.123449999…) rounding up as printed.
  const rounded = Math.round(ratio * 100 * scale + 1e-7) / scale
  return `${rounded.toFixed(decimals)}%`
}
