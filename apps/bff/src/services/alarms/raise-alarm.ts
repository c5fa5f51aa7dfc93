import type { Alarm, AqiAlarm, IncidentAlarm } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import type { Executor } from '../../db/client'
import { pointFromLngLat } from '../../db/geo-sql'
import { alarms } from '../../db/schema'
import { appendEvents } from '../../live/append-events'

type Fields<A extends Alarm> = Omit<
  A,
  'id' | 'raisedAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'version'
>
export type NewAlarm = Fields<IncidentAlarm> | Fields<AqiAlarm>

/**
 * Inside the caller's transaction: stores the alarm (version 1) and appends `alarm.raised` on
 * topic `alerts` with the whole alarm as data. Returns null when the alarm already exists
 * (an AQI crossing is stored once per station and hour, so a re-sent batch raises nothing).
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
      ...(fields.kind === 'incident'
        ? { grade: fields.grade, previousGrade: fields.previousGrade }
        : { aqiLevel: fields.level, aqi: fields.aqi, observedAt: new Date(fields.observedAt) }),
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
