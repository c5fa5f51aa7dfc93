import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import { DepartmentCode } from '../department'
import { LngLat } from '../geo'
import { INCIDENT_GRADES } from '../incident'

// What the wall must not miss (issue 5). Alarms live on the `alerts` live topic next to CAP
// alerts; their events are `alarm.raised` / `alarm.acknowledged`, CAP's `capAlert.received`.
export const ALARM_KINDS = ['incident', 'aqi', 'assignmentOverdue'] as const
export type AlarmKind = (typeof ALARM_KINDS)[number]

/** The grades that raise an incident alarm: Ⅰ 特别重大 and Ⅱ 重大 (DOMAIN.md §2.5). */
export const ALARM_INCIDENT_GRADES = ['I', 'II'] as const
/** AQI levels that raise an alarm: 五级 重度污染 (AQI > 200) and 六级 严重污染 (HJ 633-2012 Table 2). */
export const ALARM_AQI_LEVELS = [5, 6] as const

export const AlarmAcknowledgement = z.object({
  userId: EntityId,
  displayName: z.string(),
})
export type AlarmAcknowledgement = z.infer<typeof AlarmAcknowledgement>

const AlarmBase = z.object({
  id: EntityId,
  /** The incident id, or the station code for AQI alarms. */
  subjectId: EntityId,
  title: z.string().min(1),
  location: LngLat.nullable(),
  raisedAt: IsoDateTime,
  acknowledgedAt: IsoDateTime.nullable(),
  acknowledgedBy: AlarmAcknowledgement.nullable(),
  version: z.number().int().min(1),
})

export const IncidentAlarm = AlarmBase.extend({
  kind: z.literal('incident'),
  grade: z.enum(ALARM_INCIDENT_GRADES),
  /** null for a new incident; the grade it was raised from for an escalation. */
  previousGrade: z.enum(INCIDENT_GRADES).nullable(),
})
export type IncidentAlarm = z.infer<typeof IncidentAlarm>

export const AqiAlarm = AlarmBase.extend({
  kind: z.literal('aqi'),
  level: z.union([z.literal(5), z.literal(6)]),
  aqi: z.number().int().min(201),
  /** The hour of the reading that crossed. */
  observedAt: IsoDateTime,
})
export type AqiAlarm = z.infer<typeof AqiAlarm>

/** A department did not acknowledge its incident assignment in time: the shift lead must call. */
export const AssignmentOverdueAlarm = AlarmBase.extend({
  kind: z.literal('assignmentOverdue'),
  /** subjectId is the incident; this is the assignment that was not acknowledged. */
  assignmentId: EntityId,
  departmentCode: DepartmentCode,
  grade: z.enum(INCIDENT_GRADES),
})
export type AssignmentOverdueAlarm = z.infer<typeof AssignmentOverdueAlarm>

export const Alarm = z.discriminatedUnion('kind', [IncidentAlarm, AqiAlarm, AssignmentOverdueAlarm])
export type Alarm = z.infer<typeof Alarm>

export const ALARM_STATES = ['open', 'all'] as const
export type AlarmState = (typeof ALARM_STATES)[number]

export const ListAlarmsQuery = z.object({
  state: z
    .enum(ALARM_STATES, { error: 'state 只能是 open 或 all / state must be open or all' })
    .default('open'),
  limit: z.coerce
    .number({ error: 'limit 须为数字 / limit must be a number' })
    .int()
    .min(1, 'limit 至少为 1 / limit must be at least 1')
    .max(500, 'limit 最多 500 / limit must be at most 500')
    .default(100),
})
export type ListAlarmsQuery = z.infer<typeof ListAlarmsQuery>

export const AcknowledgeAlarmCommand = z.object({
  expectedVersion: z
    .number({ error: '请提供 expectedVersion（整数）/ Send expectedVersion (an integer)' })
    .int()
    .min(1),
})
export type AcknowledgeAlarmCommand = z.infer<typeof AcknowledgeAlarmCommand>
