import type { CaseState } from '../city-case'
import { remaining, type TimeLimit } from './deadline'
import { workMinutesPerDay, type WorkingCalendar } from './working-calendar'

// The 处置 clock runs from 立案 until 处置反馈 (DOMAIN.md §2.1 "Time limits" rules 1–2); a
// SUSPENDED (挂账) case's clock stands still when the policy pauses it (rule 3).
export const CLOCK_STATES = [
  'FILED',
  'DISPATCHED',
  'RETURNED',
  'SUSPENDED',
] as const satisfies readonly CaseState[]
const isClockState = (s: CaseState) => (CLOCK_STATES as readonly CaseState[]).includes(s)

// "About to breach" once less than this share of the limit is left [U: no source gives a threshold].
export const BREACH_SOON_SHARE = 0.2

export interface SlaStatus {
  deadline: string
  /** Left in the limit's own time: working minutes for 工作时/工作日, natural minutes for hours. */
  remainingMinutes: number
  overdue: boolean
  breachSoon: boolean
  paused: boolean
  /** The department's recent median handling time exceeds the natural time left; null without history. */
  predictedBreach: boolean | null
}

export interface SlaStatusInput {
  status: CaseState
  deadline: string | null
  suspendedAt: string | null
  limit: TimeLimit
  isPausedWhileSuspended: boolean
  now: string
  /** Median natural minutes from 派遣 to 处置反馈 of the department over the last 30 days. */
  medianHandlingMinutes: number | null
}

/** The limit's length in the unit `remainingMinutes` uses. */
export function limitMinutes(limit: TimeLimit, calendar: WorkingCalendar): number {
  if (limit.unit === 'hours' || limit.unit === 'workHours') return limit.amount * 60
  return limit.amount * workMinutesPerDay(calendar)
}

/** The case's 处置 clock at `now`; null when no clock runs (not filed yet, or past 处置). */
export function slaStatus(input: SlaStatusInput, calendar: WorkingCalendar): SlaStatus | null {
  const { deadline, status } = input
  if (deadline === null || !isClockState(status)) return null
  const paused =
    status === 'SUSPENDED' && input.isPausedWhileSuspended && input.suspendedAt !== null
  // a paused clock shows what was left when it stopped
  const at = paused && input.suspendedAt !== null ? input.suspendedAt : input.now
  const left = remaining(deadline, at, calendar)
  const remainingMinutes = Math.round(
    input.limit.unit === 'hours' ? left.minutes : left.workMinutes,
  )
  const overdue = left.isOverdue
  const breachSoon =
    !overdue &&
    !paused &&
    remainingMinutes < BREACH_SOON_SHARE * limitMinutes(input.limit, calendar)
  const predictedBreach =
    paused || input.medianHandlingMinutes === null
      ? null
      : overdue || input.medianHandlingMinutes > left.minutes
  return { deadline, remainingMinutes, overdue, breachSoon, paused, predictedBreach }
}
