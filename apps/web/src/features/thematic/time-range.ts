// Time windows of the thematic map, in Beijing time (UTC+8 all year, no daylight saving).
// Windows are half-open [from, to) and day-aligned, so a rolling "近7天" keeps the same
// query (and cache entry) all day instead of changing every minute.

export const RANGE_PRESETS = ['today', '7d', '30d', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

export type Window = { from: string; to: string }

const BEIJING_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const PRESET_DAYS: Record<Exclude<RangePreset, 'custom'>, number> = {
  today: 1,
  '7d': 7,
  '30d': 30,
}

/** An instant as ISO 8601 with the +08:00 offset, e.g. 2026-11-23T00:00:00+08:00. */
export function toBeijingIso(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/** A `datetime-local` value ("2026-11-23T08:30") read as Beijing time; null when invalid. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  const ms = Date.parse(`${value}:00+08:00`)
  return Number.isNaN(ms) ? null : ms
}

/** An instant as a `datetime-local` value in Beijing time. */
export function toLocalInput(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16)
}

/** Midnight (Beijing) of the day `now` falls in. */
export function beijingMidnight(now: number): number {
  return Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS
}

/**
 * The window of a preset: the last N Beijing days including today, to tomorrow's midnight.
 * A custom window comes from its two inputs; null when they are missing or out of order.
 */
export function resolveWindow(
  preset: RangePreset,
  custom: { from: string; to: string },
  now: number,
): Window | null {
  if (preset === 'custom') {
    const from = fromLocalInput(custom.from)
    const to = fromLocalInput(custom.to)
    if (from === null || to === null || to <= from) return null
    return { from: toBeijingIso(from), to: toBeijingIso(to) }
  }
  const end = beijingMidnight(now) + DAY_MS
  return { from: toBeijingIso(end - PRESET_DAYS[preset] * DAY_MS), to: toBeijingIso(end) }
}

/** The period of the same length just before `w` (the default comparison). */
export function previousWindow(w: Window): Window {
  const from = Date.parse(w.from)
  const to = Date.parse(w.to)
  return { from: toBeijingIso(from - (to - from)), to: toBeijingIso(from) }
}

/** An instant as "2026-11-23 08:30" in Beijing time, whatever the browser's zone. */
export function formatBeijing(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : toLocalInput(ms).replace('T', ' ')
}

/** "2026-11-17 00:00 – 2026-11-24 00:00" in Beijing time, for titles and file names. */
export function formatWindow(w: Window): string {
  return `${formatBeijing(w.from)} – ${formatBeijing(w.to)}`
}
