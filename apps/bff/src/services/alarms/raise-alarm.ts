import type { Alarm, AqiAlarm, AssignmentOverdueAlarm, IncidentAlarm } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import type { Executor } from '../../db/client'
import { pointFromLngLat } from '../../db/geo-sql'
import { alarms } from '../../db/schema'
import { appendEvents } from '../../live/append-events'

type Fields<A extends Alarm> = Omit<
  A,
  'id' | 'raisedAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'version'
>
export type NewAlarm = Fields<IncidentAlarm> | Fields<AqiAlarm> | Fields<AssignmentOverdueAlarm>

// The columns of one kind; the other kinds' stay null (alarm-view.ts parses them back).
function kindColumns(fields: NewAlarm) {
  switch (fields.kind) {
    case 'incident':
      return { grade: fields.grade, previousGrade: fields.previousGrade }
    case 'aqi':
      return { aqiLevel: fields.level, aqi: fields.aqi, observedAt: new Date(fields.observedAt) }
    case 'assignmentOverdue':
      return {
        grade: fields.grade,
        assignmentId: fields.assignmentId,
        departmentCode: fields.departmentCode,
      }
  }
}

/**
 * Inside the caller's transaction: stores the alarm (version 1) and appends `alarm.raised` on
 * topic `alerts` with the whole alarm as data. Returns null when the alarm already exists
 * (an AQI crossing is stored once per station and hour, so a re-sent batch raises nothing;
 * an overdue assignment once per assignment).
 */
export async function raiseAlarm(tx: Executor, fields: NewAlarm, now: Date): Promise<Alarm | null> {
  const id = randomUUID()
  const [lng, lat] = fields.location ?? [null, null]
  const inserted = await tx
    .insert(alarms)
    .values({
      id,
      kind: fields.kind,
      subjectId: fields.subjectId,
      title: fields.title,
      location: lng === null || lat === null ? null : pointFromLngLat(lng, lat),
      raisedAt: now,
      version: 1,
      ...kindColumns(fields),
    })
    .onConflictDoNothing()
    .returning({ id: alarms.id })
  if (inserted.length === 0) return null
  const alarm: Alarm = {
    ...fields,
    id,
    raisedAt: now.toISOString(),
    acknowledgedAt: null,
    acknowledgedBy: null,
    version: 1,
  }
  await appendEvents(
    tx,
    [
      {
        topic: 'alerts',
        type: 'alarm.raised',
        entityId: id,
        version: 1,
        data: alarm,
        location: alarm.location,
      },
    ],
    now,
  )
  return alarm
}
