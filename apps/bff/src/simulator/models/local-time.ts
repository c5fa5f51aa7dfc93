// Zhengzhou lives in Beijing time (UTC+8, no DST since 1991), so local clock values are a
// fixed shift of the UTC instant; the server's own time zone never matters.
export const BEIJING_OFFSET_MS = 8 * 3_600_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

const shifted = (at: Date): Date => new Date(at.getTime() + BEIJING_OFFSET_MS)

/** Local hour of day, 0–23. */
export function localHour(at: Date): number {
  return shifted(at).getUTCHours()
}

/** Local hour with fraction (08:30 → 8.5), for smooth daily curves. */
export function localHourOfDay(at: Date): number {
  const t = shifted(at)
  return t.getUTCHours() + t.getUTCMinutes() / 60 + t.getUTCSeconds() / 3600
}

/** Local day of week as `Date#getDay` counts it: 0 = Sunday … 6 = Saturday. */
export function localDayOfWeek(at: Date): number {
  return shifted(at).getUTCDay()
}

/** Local month, 0 (January) … 11. */
export function localMonth(at: Date): number {
  return shifted(at).getUTCMonth()
}

/** Local day of year, 1 (1 January) … 365/366. */
export function dayOfYear(at: Date): number {
  const t = shifted(at)
  const jan1 = Date.UTC(t.getUTCFullYear(), 0, 1)
  return Math.floor((t.getTime() - jan1) / DAY_MS) + 1
}

/** Local calendar day as a running number (days since 1970-01-01 Beijing), a stable seed key. */
export function localDayIndex(at: Date): number {
  return Math.floor(shifted(at).getTime() / DAY_MS)
}

/** The UTC instant of local midnight that starts `dayIndex`. */
export function localDayStart(dayIndex: number): Date {
  return new Date(dayIndex * DAY_MS - BEIJING_OFFSET_MS)
}

/** Hours since the epoch; UTC+8 is a whole number of hours, so hour buckets are local too. */
export function hourIndex(at: Date): number {
  return Math.floor(at.getTime() / HOUR_MS)
}

/** Mon–Fri. Statutory holidays and 调休 make-up days are the caller's to override. */
export function isWeekday(at: Date): boolean {
  const day = localDayOfWeek(at)
  return day >= 1 && day <= 5
}

/** Gaussian bump, 1 at `centre`, for daily and seasonal curves. */
export function bump(x: number, centre: number, width: number): number {
  return Math.exp(-0.5 * ((x - centre) / width) ** 2)
}

/** Seasonal cosine, +1 at `peakDay` of the year and −1 half a year away. */
export function seasonal(day: number, peakDay: number): number {
  return Math.cos((2 * Math.PI * (day - peakDay)) / 365.25)
}
