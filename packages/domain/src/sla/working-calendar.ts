import { z } from 'zod'
import { DomainError, parseOrThrow } from '../errors'
import type { HolidayYear } from './china-holidays'

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间须为 HH:MM / Time must be HH:MM')

/** One working period of a day in local time, e.g. 08:30–12:00. */
export const WorkPeriod = z
  .object({ start: HHMM, end: HHMM })
  .refine((p) => p.start < p.end, '结束须晚于开始 / A period must end after it starts')
export type WorkPeriod = z.infer<typeof WorkPeriod>

// A common 数字城管 working day (morning and afternoon shifts); each city configures its own.
export const DEFAULT_WORK_PERIODS: readonly WorkPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
]

export interface WorkingCalendar {
  /** Local offset from UTC; Asia/Shanghai is +08:00 all year (no DST). */
  utcOffsetMinutes: number
  /** Sorted, non-overlapping periods as minutes after local midnight. */
  periods: readonly { start: number; end: number }[]
  holidays: ReadonlySet<string>
  makeUpWorkdays: ReadonlySet<string>
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const DAY_MS = 86_400_000

function datesIn(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

export function workingCalendar(input: {
  years: readonly HolidayYear[]
  periods?: readonly WorkPeriod[]
  utcOffsetMinutes?: number
}): WorkingCalendar {
  const periods = (input.periods ?? DEFAULT_WORK_PERIODS)
    .map((p) => parseOrThrow(WorkPeriod, p, 'work period'))
    .map((p) => ({ start: minutesOf(p.start), end: minutesOf(p.end) }))
    .sort((a, b) => a.start - b.start)
  periods.forEach((p, i) => {
    const prev = periods[i - 1]
    if (prev && prev.end > p.start)
      throw new DomainError('VALIDATION', '工作时段重叠 / Work periods overlap')
  })
  return {
    utcOffsetMinutes: input.utcOffsetMinutes ?? 480,
    periods,
    holidays: new Set(input.years.flatMap((y) => y.holidays.flatMap(([a, b]) => datesIn(a, b)))),
    makeUpWorkdays: new Set(input.years.flatMap((y) => y.makeUpWorkdays)),
  }
}

/** Whether a local date (YYYY-MM-DD) is a working day: 调休 first, then holidays, then weekends. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true
  if (calendar.holidays.has(date)) return false
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** Working minutes in one working day (e.g. 450 for 08:30–12:00 + 13:30–17:30). */
export function workMinutesPerDay(calendar: WorkingCalendar): number {
  return calendar.periods.reduce((sum, p) => sum + p.end - p.start, 0)
}
