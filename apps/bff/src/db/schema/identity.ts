import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { ApiKeyScope, Role } from '@cityops/domain'
import { departments } from './reference'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    departmentCode: text('department_code').references(() => departments.code),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    // TOTP (RFC 6238): the secret is pending until confirmed with a code; the last accepted
    // time step is kept so a code is accepted once (replay refused).
    mfaSecret: text('mfa_secret'),
    mfaEnabled: boolean('mfa_enabled').notNull().default(false),
    mfaLastStep: bigint('mfa_last_step', { mode: 'number' }),
    passwordChangedAt: at('password_changed_at').notNull().defaultNow(),
    lastLoginAt: at('last_login_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  // usernames are case-insensitive for people typing them
  (t) => [uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`)],
)

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie token: a database leak does not hand out live sessions.
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    endedAt: at('ended_at'),
    endedReason: text('ended_reason'),
    address: text('address'),
    userAgent: text('user_agent'),
  },
  // "end all sessions of this user" on logout-everywhere, disable and password change
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Login failures per account (`account:<name>`) and per address (`address:<ip>`). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  state: jsonb('state').notNull(),
  updatedAt: at('updated_at').notNull(),
})

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  // shown in lists so a key can be recognised without revealing it
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  scopes: jsonb('scopes').$type<ApiKeyScope[]>().notNull(),
  departmentCode: text('department_code').references(() => departments.code),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
  revokedAt: at('revoked_at'),
  lastUsedAt: at('last_used_at'),
})

/**
 * Append-only, hash-chained audit trail. A trigger (migration 0003) refuses UPDATE, DELETE
 * and TRUNCATE; `seq` orders the chain, `hash` = SHA-256 of the entry with `prev_hash`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique(),
    at: at('at').notNull(),
    actorId: text('actor_id'),
    role: text('role'),
    address: text('address'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    outcome: text('outcome').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // the viewer filters by time, actor and action, newest first
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_action_idx').on(t.action),
    // the time machine's decision log: workflow decisions, alarm acknowledgements and settings
    // changes by time (an incident's creation is its own replay item, not a decision)
    index('audit_log_decisions_idx')
      .on(t.at, t.seq)
      .where(
        sql`${t.outcome} = 'success' and ${t.objectType} in ('incident', 'alarm', 'caseSla', 'planTargets') and ${t.action} <> 'incident.create'`,
      ),
  ],
)
