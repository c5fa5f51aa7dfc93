import { z } from 'zod'
import { DomainError } from '../errors'
import type { CaseClock } from '../case-workflow'
import { isWorkingDay, workMinutesPerDay } from './working-calendar'
import type { WorkingCalendar } from './working-calendar'

// 处置时限 units as the local tables write them: 工作时, 工作日, and natural hours for urgent
// cases (DOMAIN.md §2.1 "Component and event codes": Jiyuan 5 工作时 / 15 工作日).
export const TIME_LIMIT_UNITS = ['workHours', 'workDays', 'hours'] as const
export const TimeLimit = z.object({
  amount: z.number().positive('时限须大于 0 / A time limit must be positive'),
  unit: z.enum(TIME_LIMIT_UNITS),
})
export type TimeLimit = z.infer<typeof TimeLimit>

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const MAX_DAYS = 3 * 366 // no real limit spans more; stops a calendar without working days

const localDate = (localMs: number) => new Date(localMs).toISOString().slice(0, 10)
const dayStart = (localMs: number) => Math.floor(localMs / DAY_MS) * DAY_MS

function toLocalMs(iso: string, calendar: WorkingCalendar): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new DomainError('VALIDATION', `时间无效 / Invalid date-time ${iso}`)
  return ms + calendar.utcOffsetMinutes * MINUTE_MS
}

/** ISO 8601 in the calendar's local offset, e.g. 2026-03-02T16:00:00+08:00. */
export function toCalendarIso(localMs: number, calendar: WorkingCalendar): string {
  const off = calendar.utcOffsetMinutes
  const sign = off < 0 ? '-' : '+'
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')
  const mm = String(Math.abs(off) % 60).padStart(2, '0')
  return `${new Date(localMs).toISOString().slice(0, 19)}${sign}${hh}:${mm}`
}

/** Local instant after `minutes` of working time from `fromLocal`; ends inside a period, never at the next one's start. */
function addWorkMinutes(fromLocal: number, minutes: number, calendar: WorkingCalendar): number {
  let need = minutes
  for (let day = dayStart(fromLocal), i = 0; i < MAX_DAYS; day += DAY_MS, i++) {
    if (!isWorkingDay(localDate(day), calendar)) continue
    for (const p of calendar.periods) {
      const from = Math.max(day + p.start * MINUTE_MS, fromLocal)
      const to = day + p.end * MINUTE_MS
      if (from >= to) continue
      const available = (to - from) / MINUTE_MS
      if (need <= available) return from + need * MINUTE_MS
      need -= available
    }
  }
  throw new DomainError(
    'VALIDATION',
    '工作日历内找不到足够的工作时间 / The calendar has no working time for this limit',
  )
}

/** Working minutes between two local instants (negative when `b` is before `a`). */
function workMinutesBetween(a: number, b: number, calendar: WorkingCalendar): number {
  if (b < a) return -workMinutesBetween(b, a, calendar)
  let total = 0
  for (let day = dayStart(a); day <= b; day += DAY_MS) {
    if (!isWorkingDay(localDate(day), calendar)) continue
    for (const p of calendar.periods) {
      const from = Math.max(day + p.start * MINUTE_MS, a)
      const to = Math.min(day + p.end * MINUTE_MS, b)
      if (to > from) total += (to - from) / MINUTE_MS
    }
  }
  return total
}

/**
 * The deadline for a limit started at `start`. A 工作日 is one day's working time (450 min on
 * the default calendar), so "1 workDay from Fri 16:00" is the next working day at 16:00.
 */
export function deadlineFor(start: string, limit: TimeLimit, calendar: WorkingCalendar): string {
  const from = toLocalMs(start, calendar)
  const { amount, unit } = TimeLimit.parse(limit)
  if (unit === 'hours') return toCalendarIso(from + amount * 60 * MINUTE_MS, calendar)
  const minutes = unit === 'workHours' ? amount * 60 : amount * workMinutesPerDay(calendar)
  return toCalendarIso(addWorkMinutes(from, minutes, calendar), calendar)
}

export interface Remaining {
  /** Working minutes left (negative = overdue by that much working time). */
  workMinutes: number
  /** Natural minutes left (negative = overdue). */
  minutes: number
  isOverdue: boolean
}

/** How much of a deadline is left at `now` (DOMAIN.md §2.1 rule 2: overdue = not done by it). */
export function remaining(deadline: string, now: string, calendar: WorkingCalendar): Remaining {
  const d = toLocalMs(deadline, calendar)
  const n = toLocalMs(now, calendar)
  return {
    workMinutes: workMinutesBetween(n, d, calendar),
    minutes: (d - n) / MINUTE_MS,
    isOverdue: n > d,
  }
}

/** Local rules the sources leave open (DOMAIN.md §2.1 rules 3–4, §5.3): make them inputs. */
export interface SlaPolicy {
  /** 挂账 stops the 处置 clock; on resume the deadline moves by the time spent parked. */
  isPausedWhileSuspended: boolean
  /** Re-派遣 after an approved 回退 starts a fresh 处置 limit. */
  isRestartedOnReturn: boolean
}

/** The clock the case workflow uses for one case: its category's limit on this calendar. */
export function caseClock(
  limit: TimeLimit,
  calendar: WorkingCalendar,
  policy: SlaPolicy,
): CaseClock {
  return {
    deadlineFrom: (start) => deadlineFor(start, limit, calendar),
    afterPause(deadline, pausedAt, resumedAt) {
      if (!policy.isPausedWhileSuspended) return deadline
      const d = toLocalMs(deadline, calendar)
      const [a, b] = [toLocalMs(pausedAt, calendar), toLocalMs(resumedAt, calendar)]
      if (limit.unit === 'hours') return toCalendarIso(d + Math.max(0, b - a), calendar)
      const parked = Math.max(0, workMinutesBetween(a, b, calendar))
      return parked === 0 ? deadline : toCalendarIso(addWorkMinutes(d, parked, calendar), calendar)
    },
    isRestartedOnReturn: policy.isRestartedOnReturn,
  }
}
