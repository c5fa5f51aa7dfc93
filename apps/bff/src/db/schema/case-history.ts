import type { CaseSlaConfig } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * The case history: one row per applied workflow action, written in the action's transaction
 * (append-only). 综合评价 is computed from it, never from stored counters (DOMAIN.md §2.1).
 */
export const caseActions = pgTable(
  'case_actions',
  {
    caseId: text('case_id').notNull(),
    /** The case version the action produced (one action per version). */
    version: integer('version').notNull(),
    action: text('action').notNull(),
    at: at('at').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    statusBefore: text('status_before').notNull(),
    statusAfter: text('status_after').notNull(),
    departmentBefore: text('department_before'),
    departmentAfter: text('department_after'),
    deadlineAfter: at('deadline_after'),
    /** The command's own fields (reason, note, level, departmentCode …). */
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.version] }),
    // KPI windows and the 30-day handling statistics select by action and time
    index('case_actions_action_at_idx').on(t.action, t.at),
    // the time machine's decision log pages through every action by time (keyset on at)
    index('case_actions_at_idx').on(t.at, t.caseId, t.version),
  ],
)

/** The editable 处置时限 configuration: one row, optimistic `version` (0 = built-in default). */
export const caseSlaSettings = pgTable(
  'case_sla_settings',
  {
    id: integer('id').primaryKey().default(1),
    version: integer('version').notNull(),
    config: jsonb('config').$type<CaseSlaConfig>().notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [check('case_sla_settings_single_row', sql`${t.id} = 1`)],
)

/**
 * SLA warnings already emitted: the key makes each (case, warning, deadline) happen once
 * across nodes; a moved deadline (延期, 挂账 resume) may warn again.
 */
export const caseSlaWarnings = pgTable(
  'case_sla_warnings',
  {
    caseId: text('case_id').notNull(),
    warning: text('warning').notNull(),
    deadline: at('deadline').notNull(),
    emittedAt: at('emitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.warning, t.deadline] })],
)
