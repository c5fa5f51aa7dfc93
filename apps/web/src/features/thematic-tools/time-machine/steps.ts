import type { ReplayItem } from '@cityops/domain'
import type { TimeMachineFrame } from './types'

// The time machine's arithmetic, pure: the range [from, to) cut into steps of an hour or a
// day, the step a time falls in, and the frame (items reported or decided) of one step.

export const STEP_UNITS = ['hour', 'day'] as const
export type StepUnit = (typeof STEP_UNITS)[number]

const HOUR_MS = 3_600_000
const STEP_MS: Record<StepUnit, number> = { hour: HOUR_MS, day: 24 * HOUR_MS }
/** Up to two days an hour is a readable step; beyond, a day (a month is 30 steps, not 720). */
const HOURLY_UP_TO_MS = 2 * 24 * HOUR_MS

export function defaultStepUnit(from: string, to: string): StepUnit {
  return Date.parse(to) - Date.parse(from) <= HOURLY_UP_TO_MS ? 'hour' : 'day'
}

export type StepGrid = { fromMs: number; toMs: number; stepMs: number; count: number }

/**
 * The steps of [from, to). With `nowMs`, a range reaching into the future ("today" runs to
 * midnight) ends with the step that holds now: there is nothing to replay after it.
 */
export function stepGrid(from: string, to: string, unit: StepUnit, nowMs?: number): StepGrid {
  const fromMs = Date.parse(from)
  const stepMs = STEP_MS[unit]
  const nowStepEnd =
    nowMs === undefined
      ? Infinity
      : fromMs + Math.max(1, Math.ceil((nowMs - fromMs) / stepMs)) * stepMs
  const toMs = Math.min(Date.parse(to), nowStepEnd)
  const span = toMs - fromMs
  const count = Number.isFinite(span) && span > 0 ? Math.ceil(span / stepMs) : 0
  return { fromMs, toMs, stepMs, count }
}

/** The step [start, end) of `index`; the last step ends at `to` even when it is shorter. */
export function stepWindow(grid: StepGrid, index: number): { fromMs: number; toMs: number } {
  const fromMs = grid.fromMs + index * grid.stepMs
  return { fromMs, toMs: Math.min(fromMs + grid.stepMs, grid.toMs) }
}

/** The step containing `atMs`, clamped to the grid. */
export function stepIndexOf(grid: StepGrid, atMs: number): number {
  const raw = Math.floor((atMs - grid.fromMs) / grid.stepMs)
  return clampStep(grid, raw)
}

export function clampStep(grid: StepGrid, index: number): number {
  return Math.max(0, Math.min(grid.count - 1, index))
}

/** Items sorted by time, oldest first (the API sends them so; a stable sort keeps ties). */
export function byTime(items: readonly ReplayItem[]): ReplayItem[] {
  return items
    .map((item) => ({ item, t: Date.parse(item.at) }))
    .sort((a, b) => a.t - b.t)
    .map((x) => x.item)
}

/** First index in sorted `items` whose time is ≥ `ms` (binary search). */
export function lowerBound(items: readonly ReplayItem[], ms: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const item = items[mid]
    if (item && Date.parse(item.at) < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The frame of step `index` from items sorted by time. */
export function frameAt(
  grid: StepGrid,
  sorted: readonly ReplayItem[],
  index: number,
): TimeMachineFrame {
  const { fromMs, toMs } = stepWindow(grid, index)
  const items = sorted.slice(lowerBound(sorted, fromMs), lowerBound(sorted, toMs))
  return {
    at: new Date(toMs).toISOString(),
    windowFrom: new Date(fromMs).toISOString(),
    windowTo: new Date(toMs).toISOString(),
    items,
  }
}

/** Decisions up to the end of `untilMs`, newest first. */
export function decisionsUpTo(sorted: readonly ReplayItem[], untilMs: number): ReplayItem[] {
  const upTo = sorted.slice(0, lowerBound(sorted, untilMs))
  return upTo.filter((item) => item.kind === 'decision').reverse()
}
