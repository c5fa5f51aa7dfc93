import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { incidents } from './live'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

/**
 * One department's part in an incident (notified → acknowledged → enRoute → onScene →
 * finished). Changed only with its incident's row locked and version + 1; `escalated_at` is
 * the once-only marker of the missing-acknowledgement alarm.
 */
export const incidentAssignments = pgTable(
  'incident_assignments',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id),
    departmentCode: text('department_code').notNull(),
    unitIds: text('unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').$type<AssignmentStatus>().notNull(),
    notifiedAt: at('notified_at').notNull(),
    acknowledgedAt: at('acknowledged_at'),
    enRouteAt: at('en_route_at'),
    onSceneAt: at('on_scene_at'),
    finishedAt: at('finished_at'),
    escalatedAt: at('escalated_at'),
    note: text('note'),
  },
  (t) => [
    // the incident's assignments, in the order they were made
    index('incident_assignments_incident_idx').on(t.incidentId, t.notifiedAt),
    // the escalation check reads only the unacknowledged, not yet escalated ones
    index('incident_assignments_unacked_idx')
      .on(t.notifiedAt)
      .where(sql`${t.status} = 'notified' and ${t.escalatedAt} is null`),
    // a department's page lists its unfinished assignments on every incident event
    index('incident_assignments_open_by_department_idx')
      .on(t.departmentCode, t.incidentId)
      .where(sql`${t.status} <> 'finished'`),
    check(
      'incident_assignments_status_check',
      sql`${t.status} in (${inList(ASSIGNMENT_STATUSES)})`,
    ),
  ],
)

/** Idempotency-Key answers of POST /api/incidents/:id/actions (same shape as case_action_keys). */
export const incidentActionKeys = pgTable(
  'incident_action_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    incidentId: text('incident_id').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    // pruning by age
    index('incident_action_keys_created_idx').on(t.createdAt),
  ],
)
