// Zhengzhou keeps Beijing time (UTC+8, no DST): local days are a fixed shift of the instant.
const BEIJING_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 24 * 3_600_000

/** Midnight (Beijing) of the day containing `at`, and the Beijing calendar year. */
export function beijingDay(at: Date): { start: Date; end: Date; year: number } {
  const local = at.getTime() + BEIJING_OFFSET_MS
  const start = new Date(Math.floor(local / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS)
  return {
    start,
    end: new Date(start.getTime() + DAY_MS),
    year: new Date(local).getUTCFullYear(),
  }
}

export function beijingYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - BEIJING_OFFSET_MS)
}

/** SQL text of the Beijing calendar date of a timestamptz column (no time-zone data needed). */
export const BEIJING_DATE = (column: string) =>
  `((${column} at time zone 'UTC') + interval '8 hours')::date`
