import { incidentAlarmTitle, isAlarmGrade, raisesIncidentAlarm } from '@cityops/domain'
import type { Alarm, IncidentGrade } from '@cityops/domain'
import type { Executor } from '../../db/client'
import { raiseAlarm } from './raise-alarm'

/**
 * A new incident of grade Ⅰ/Ⅱ, or one regraded up into Ⅰ/Ⅱ, raises an alarm in the same
 * transaction (domain rule raisesIncidentAlarm); anything else raises nothing (null).
 */
export async function raiseIncidentAlarm(
  tx: Executor,
  incident: {
    id: string
    title: string
    grade: IncidentGrade
    location: readonly [number, number]
  },
  previousGrade: IncidentGrade | null,
  now: Date,
): Promise<Alarm | null> {
  const { grade } = incident
  if (!isAlarmGrade(grade) || !raisesIncidentAlarm(grade, previousGrade)) return null
  return raiseAlarm(
    tx,
    {
      kind: 'incident',
      subjectId: incident.id,
      grade,
      previousGrade,
      title: incidentAlarmTitle(grade, incident.title),
      location: [incident.location[0], incident.location[1]],
    },
    now,
  )
}
