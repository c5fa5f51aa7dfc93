import type { CaseGoals } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * The city's own case goals the KPI trend charts are drawn against (结案率, 按期结案率; #7):
 * one row, optimistic `version` (0 = the built-in DEFAULT_CASE_GOALS, nothing stored yet).
 */
export const planTargetSettings = pgTable(
  'plan_target_settings',
  {
    id: integer('id').primaryKey().default(1),
    version: integer('version').notNull(),
    goals: jsonb('goals').$type<CaseGoals>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [check('plan_target_settings_single_row', sql`${t.id} = 1`)],
)
