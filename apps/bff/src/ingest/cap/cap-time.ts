import { CapError, quoteForMessage } from './cap-error'

// CAP 1.2 §3.3.2 (and the XSD pattern): seconds, no fraction, numeric offset, never `Z`.
export const CAP_DATE_TIME_PATTERN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/

export const BEIJING_OFFSET_MINUTES = 8 * 60

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

function toEpochMs(value: string | Date): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime()
  if (Number.isNaN(ms)) {
    const shown = typeof value === 'string' ? quoteForMessage(value) : 'Invalid Date'
    throw new CapError(
      'INVALID',
      `无法识别的时间 ${shown}；请用 2025-07-20T09:30:00+08:00 形式`,
      `unreadable date-time ${shown}; use the form 2025-07-20T09:30:00+08:00`,
    )
  }
  return ms
}

function shiftedParts(value: string | Date, offsetMinutes: number) {
  const shifted = new Date(Math.floor(toEpochMs(value) / 1000) * 1000 + offsetMinutes * 60_000)
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`,
  }
}

/**
 * Writes an instant as CAP wants it, e.g. `2025-07-20T09:30:00+08:00` (milliseconds are
 * dropped). A string already in that exact form is returned unchanged, so references to a
 * received message keep matching it character for character.
 */
export function formatCapDateTime(
  value: string | Date,
  offsetMinutes = BEIJING_OFFSET_MINUTES,
): string {
  if (typeof value === 'string' && CAP_DATE_TIME_PATTERN.test(value)) return value
  const { date, time } = shiftedParts(value, offsetMinutes)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** `YYYYMMDDhhmmss` in Beijing time, as the GB/T 35965.1-style identifier needs. */
export function compactBeijingTime(value: string | Date): string {
  const { date, time } = shiftedParts(value, BEIJING_OFFSET_MINUTES)
  return `${date}${time}`.replace(/[-:]/g, '')
}
