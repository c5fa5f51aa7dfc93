import { DomainError } from '../errors'
import { aqiLevelInfo } from '../aqi'
import { INCIDENT_GRADE_STYLES, isMoreSevereGrade, type IncidentGrade } from '../incident'
import { ALARM_AQI_LEVELS, ALARM_INCIDENT_GRADES } from './alarm'
import type { Alarm } from './alarm'

const HOUR_MS = 3_600_000

/**
 * [ours] A station whose previous reading is older than this was offline: its return at
 * 重度污染 or worse counts as a crossing "from no reading", so the wall hears about it again.
 */
export const AQI_ALARM_GAP_HOURS = 3

type AlarmIncidentGrade = (typeof ALARM_INCIDENT_GRADES)[number]

export function isAlarmGrade(grade: IncidentGrade): grade is AlarmIncidentGrade {
  const alarming: readonly IncidentGrade[] = ALARM_INCIDENT_GRADES
  return alarming.includes(grade)
}

/**
 * Whether an incident change raises an alarm: a new incident of grade Ⅰ or Ⅱ (previous =
 * null), or a regrade UP into Ⅰ or Ⅱ. Downgrades (Ⅰ → Ⅱ) and Ⅲ/Ⅳ never do.
 */
export function raisesIncidentAlarm(grade: IncidentGrade, previous: IncidentGrade | null): boolean {
  if (!isAlarmGrade(grade)) return false
  return previous === null || isMoreSevereGrade(grade, previous)
}

/** Whether an AQI value is at an alarm level (五级 or above: AQI > 200, HJ 633-2012 Table 2). */
export function isAlarmAqi(aqi: number): boolean {
  const levels: readonly number[] = ALARM_AQI_LEVELS
  return levels.includes(aqiLevelInfo(aqi).level)
}

export interface AqiObservation {
  aqi: number
  /** Epoch milliseconds of the reading's hour. */
  observedAt: number
}

/**
 * An AQI alarm is raised when a station crosses INTO level ≥ 5: from a lower level, or from
 * no reading (none before, or the previous one older than AQI_ALARM_GAP_HOURS). Staying at
 * level 5–6 hour after hour raises nothing, and neither does 5 → 6.
 */
export function isAqiAlarmCrossing(current: AqiObservation, previous: AqiObservation | null) {
  if (!isAlarmAqi(current.aqi)) return false
  if (previous === null) return true
  if (current.observedAt - previous.observedAt > AQI_ALARM_GAP_HOURS * HOUR_MS) return true
  return !isAlarmAqi(previous.aqi)
}

export function incidentAlarmTitle(grade: IncidentGrade, incidentTitle: string): string {
  const style = INCIDENT_GRADE_STYLES[grade]
  return `${style.roman}（${style.zh}）${incidentTitle}`
}

export function assignmentOverdueAlarmTitle(
  departmentName: string,
  timeoutSeconds: number,
  incidentTitle: string,
): string {
  const minutes = Math.round(timeoutSeconds / 6) / 10
  return `${departmentName} ${minutes} 分钟未签收：${incidentTitle}`
}

export function aqiAlarmTitle(stationName: string, aqi: number): string {
  const info = aqiLevelInfo(aqi)
  return `${stationName} AQI ${aqi}（${info.levelZh} ${info.category}）`
}

/** Throws CONFLICT unless the alarm is still open and at `expectedVersion`. */
export function assertAcknowledgeable(alarm: Alarm, expectedVersion: number): void {
  if (alarm.acknowledgedAt !== null) {
    const by = alarm.acknowledgedBy?.displayName ?? '?'
    throw new DomainError(
      'CONFLICT',
      `告警已由 ${by} 于 ${alarm.acknowledgedAt} 确认 / The alarm was already acknowledged by ${by} at ${alarm.acknowledgedAt}.`,
    )
  }
  if (alarm.version !== expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      `告警已被修改（当前版本 ${alarm.version}）/ The alarm has changed since version ${expectedVersion} (now ${alarm.version}); reload it and try again.`,
    )
  }
}
