import { ALARM_KINDS, type AlarmKind, type IncidentGrade } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { geometryOf } from './geometry'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

/**
 * What the wall must not miss (packages/domain alarm rules): raised in the transaction of the
 * incident change or the reading that caused it, acknowledged once by a person.
 */
export const alarms = pgTable(
  'alarms',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<AlarmKind>().notNull(),
    // the incident id, or the station code
    subjectId: text('subject_id').notNull(),
    grade: text('grade').$type<IncidentGrade>(),
    previousGrade: text('previous_grade').$type<IncidentGrade>(),
    aqiLevel: integer('aqi_level'),
    aqi: integer('aqi'),
    observedAt: at('observed_at'),
    // assignmentOverdue: the unacknowledged assignment and its department
    assignmentId: text('assignment_id'),
    departmentCode: text('department_code'),
    title: text('title').notNull(),
    location: geometryOf('Point')('location'),
    raisedAt: at('raised_at').notNull(),
    acknowledgedAt: at('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    version: integer('version').notNull(),
  },
  (t) => [
    // the list is newest first, usually only the open ones
    index('alarms_raised_idx').on(t.raisedAt),
    index('alarms_open_idx')
      .on(t.raisedAt)
      .where(sql`${t.acknowledgedAt} is null`),
    // one alarm per station crossing: a re-sent batch raises nothing new
    uniqueIndex('alarms_aqi_crossing_key')
      .on(t.subjectId, t.observedAt)
      .where(sql`${t.kind} = 'aqi'`),
    // one alarm per unacknowledged assignment, however many nodes run the check
    uniqueIndex('alarms_assignment_overdue_key')
      .on(t.assignmentId)
      .where(sql`${t.kind} = 'assignmentOverdue'`),
    check('alarms_kind_check', sql`${t.kind} in (${inList(ALARM_KINDS)})`),
    check('alarms_ack_check', sql`(${t.acknowledgedAt} is null) = (${t.acknowledgedBy} is null)`),
  ],
)
