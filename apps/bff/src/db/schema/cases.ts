import {
  CASE_KINDS,
  CASE_STATES,
  CASE_URGENCIES,
  type CaseKind,
  type CaseState,
  type CaseUrgency,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { PendingCaseRequest, SupervisionLevel } from '@cityops/domain'
import {
  boolean,
  check,
  index,
  integer,
  primaryKey,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { geometryOf } from './geometry'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

/** How a report reached us; `open311` is the GeoReport v2 endpoint, `inspector` the handheld. */
export const CASE_CHANNELS = ['inspector', 'hotline', 'wechat', 'open311', 'walkIn'] as const
export type CaseChannel = (typeof CASE_CHANNELS)[number]

/** Who reported, kept for call-backs only: never returned by a public or list endpoint. */
export interface CaseReporter {
  userId?: string
  name?: string
  phone?: string
  email?: string
  deviceId?: string
  accountId?: string
}

/** Hands out the running part of public request numbers (ZZ-YYYYMMDD-NNNNNN); gaps are fine. */
export const cityCaseNumbers = pgSequence('city_case_number_seq', { startWith: 1 })

/** 数字城管 cases (DOMAIN.md §2.1). Intake fields now; the workflow adds to them later. */
export const cityCases = pgTable(
  'city_cases',
  {
    id: text('id').primaryKey(),
    requestNumber: text('request_number').notNull(),
    kind: text('kind').$type<CaseKind>().notNull(),
    categoryCode: text('category_code').notNull(),
    componentId: text('component_id'),
    gridCode: text('grid_code'),
    status: text('status').$type<CaseState>().notNull(),
    description: text('description').notNull(),
    urgency: text('urgency').$type<CaseUrgency>().notNull().default('normal'),
    address: text('address'),
    location: geometryOf('Point')('location').notNull(),
    districtCode: text('district_code').notNull(),
    channel: text('channel').$type<CaseChannel>().notNull(),
    reporter: jsonb('reporter').$type<CaseReporter>().notNull().default({}),
    mediaUrl: text('media_url'),
    deadline: at('deadline'),
    responsibleDepartment: text('responsible_department'),
    reportedAt: at('reported_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    version: integer('version').notNull(),
    // workflow bookkeeping (packages/domain case-workflow WorkflowCase), written by case actions
    pending: jsonb('pending').$type<PendingCaseRequest>(),
    duplicateOf: text('duplicate_of'),
    outcomeReason: text('outcome_reason'),
    checkInspector: text('check_inspector'),
    isCheckPassed: boolean('is_check_passed').notNull().default(false),
    suspendedAt: at('suspended_at'),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull().default([]),
    dispatchCount: integer('dispatch_count').notNull().default(0),
    returnCount: integer('return_count').notNull().default(0), // 回退
    extensionCount: integer('extension_count').notNull().default(0), // 延期
    reworkCount: integer('rework_count').notNull().default(0), // 返工
    supervisionLevel: text('supervision_level').$type<SupervisionLevel>(), // 督办
    supervisionCount: integer('supervision_count').notNull().default(0),
    // codes of the areas holding the location, set by a trigger (thematic map, #7)
    areaDistrict: text('area_district'),
    areaTownship: text('area_township'),
  },
  (t) => [
    // Open311 and citizens look cases up by the public number
    uniqueIndex('city_cases_request_number_key').on(t.requestNumber),
    // map layers and bbox queries
    index('city_cases_location_gist').using('gist', t.location),
    // list windows (GET /api/cases, Open311 start_date/end_date) are by report time
    index('city_cases_reported_idx').on(t.reportedAt),
    // the thematic map's 应结案 windows are by deadline
    index('city_cases_deadline_idx').on(t.deadline),
    // a handler's list is filtered by its department
    index('city_cases_department_idx').on(t.responsibleDepartment),
    check('city_cases_status_check', sql`${t.status} in (${inList(CASE_STATES)})`),
    check('city_cases_kind_check', sql`${t.kind} in (${inList(CASE_KINDS)})`),
    check('city_cases_urgency_check', sql`${t.urgency} in (${inList(CASE_URGENCIES)})`),
  ],
)

/**
 * Idempotency-Key of POST /api/cases/:id/actions, per user: written in the action's own
 * transaction, so a retry after a crash either finds the key (applied) or applies afresh.
 */
export const caseActionKeys = pgTable(
  'case_action_keys',
  {
    userId: text('user_id').notNull(),
    key: text('key').notNull(),
    caseId: text('case_id').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    // pruning by age
    index('case_action_keys_created_idx').on(t.createdAt),
  ],
)
