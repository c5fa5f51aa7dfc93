import { Alarm } from '@cityops/domain'
import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { alarms, users } from '../../db/schema'

export const alarmColumns = {
  id: alarms.id,
  kind: alarms.kind,
  subjectId: alarms.subjectId,
  grade: alarms.grade,
  previousGrade: alarms.previousGrade,
  aqiLevel: alarms.aqiLevel,
  aqi: alarms.aqi,
  observedAt: alarms.observedAt,
  assignmentId: alarms.assignmentId,
  departmentCode: alarms.departmentCode,
  title: alarms.title,
  lng: sql<number | null>`ST_X(${alarms.location})`.mapWith(Number),
  lat: sql<number | null>`ST_Y(${alarms.location})`.mapWith(Number),
  raisedAt: alarms.raisedAt,
  acknowledgedAt: alarms.acknowledgedAt,
  acknowledgedBy: alarms.acknowledgedBy,
  acknowledgedByName: users.displayName,
  version: alarms.version,
}

/** Alarms with the acknowledging person's display name; the caller adds where/order. */
export const selectAlarms = (db: Executor) =>
  db
    .select(alarmColumns)
    .from(alarms)
    .leftJoin(users, eq(sql`${users.id}::text`, alarms.acknowledgedBy))

type AlarmRow = Awaited<ReturnType<typeof selectAlarms>>[number]

/**
 * The row as the domain's Alarm. Parsed, not cast: the columns of the other kind are null by
 * construction (raise-alarm.ts writes one kind's fields), and a row breaking that is a bug.
 */
export function alarmView(r: AlarmRow): Alarm {
  return Alarm.parse({
    id: r.id,
    kind: r.kind,
    subjectId: r.subjectId,
    title: r.title,
    location: r.lng === null || r.lat === null ? null : [r.lng, r.lat],
    raisedAt: r.raisedAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: r.acknowledgedBy
      ? { userId: r.acknowledgedBy, displayName: r.acknowledgedByName ?? r.acknowledgedBy }
      : null,
    version: r.version,
    ...kindFields(r),
  })
}

function kindFields(r: AlarmRow) {
  switch (r.kind) {
    case 'incident':
      return { grade: r.grade, previousGrade: r.previousGrade }
    case 'aqi':
      return { level: r.aqiLevel, aqi: r.aqi, observedAt: r.observedAt?.toISOString() }
    case 'assignmentOverdue':
      return { grade: r.grade, assignmentId: r.assignmentId, departmentCode: r.departmentCode }
  }
}
