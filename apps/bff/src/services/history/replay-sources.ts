import type { ReplayKind } from '@cityops/domain'
import { sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { ReplayPosition } from './replay-cursor'

/** One replay row before names and summaries are added. */
export type ReplayRow = {
  at_key: string
  kind: ReplayKind
  id: string
  subject_id: string
  subject_type: 'incident' | 'case' | 'alarm' | 'settings'
  lng: number | null
  lat: number | null
  category: string
  severity: string | null
  actor_id: string | null
  actor_role: string | null
  detail: Record<string, unknown> | null
}

export interface ReplayWindow {
  from: Date
  to: Date
  after: ReplayPosition | null
  limit: number
}

// Text ids compare byte-wise (collate "C") so PGlite and PostgreSQL order ties alike.
const atKey = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** Rows of one kind strictly after the cursor in (at, kind, id) order, inside the window. */
function range(w: ReplayWindow, kind: ReplayKind, at: SQL, id: SQL): SQL {
  const inWindow = sql`${at} >= ${w.from.toISOString()}::timestamptz and ${at} < ${w.to.toISOString()}::timestamptz`
  const c = w.after
  if (!c) return inWindow
  const cAt = sql`${c.at}::timestamptz`
  const after =
    kind === c.kind
      ? sql`(${at} > ${cAt} or (${at} = ${cAt} and ${id} collate "C" > ${c.id} collate "C"))`
      : kind > c.kind
        ? sql`${at} >= ${cAt}`
        : sql`${at} > ${cAt}`
  return sql`${inWindow} and ${after}`
}

const branch = (w: ReplayWindow, kind: ReplayKind, at: SQL, id: SQL, body: (where: SQL) => SQL) =>
  sql`(${body(range(w, kind, at, id))} order by ${at}, ${id} collate "C" limit ${w.limit})`

const incidentsReported = (w: ReplayWindow) =>
  branch(w, 'incident.reported', sql`i.reported_at`, sql`i.id`, (where) => {
    return sql`select ${atKey(sql`i.reported_at`)} as at_key, i.reported_at as at,
        'incident.reported' as kind, i.id as id, i.id as subject_id, 'incident' as subject_type,
        ST_X(i.location) as lng, ST_Y(i.location) as lat, i.category as category,
        i.grade as severity, null::text as actor_id, null::text as actor_role,
        jsonb_build_object('title', i.title, 'source', i.source) as detail
      from incidents i where ${where}`
  })

const casesReported = (w: ReplayWindow) =>
  branch(w, 'case.reported', sql`c.reported_at`, sql`c.id`, (where) => {
    return sql`select ${atKey(sql`c.reported_at`)}, c.reported_at, 'case.reported', c.id, c.id,
        'case', ST_X(c.location), ST_Y(c.location), c.category_code, c.urgency, null, null,
        jsonb_build_object('kind', c.kind, 'requestNumber', c.request_number,
          'channel', c.channel, 'address', c.address)
      from city_cases c where ${where}`
  })

// Case decisions come from the case history (deadline and department after each action).
const caseDecisionId = sql`('case:' || ca.case_id || ':' || lpad(ca.version::text, 6, '0'))`
const caseDecisions = (w: ReplayWindow) =>
  branch(w, 'decision', sql`ca.at`, caseDecisionId, (where) => {
    return sql`select ${atKey(sql`ca.at`)}, ca.at, 'decision', ${caseDecisionId}, ca.case_id,
        'case', ST_X(c.location), ST_Y(c.location), ca.action, null, ca.actor_id, ca.actor_role,
        ca.detail || jsonb_build_object('requestNumber', c.request_number,
          'statusBefore', ca.status_before, 'statusAfter', ca.status_after,
          'departmentBefore', ca.department_before, 'department', ca.department_after,
          'deadline', ca.deadline_after, 'version', ca.version)
      from case_actions ca join city_cases c on c.id = ca.case_id where ${where}`
  })

// Incident workflow decisions, alarm acknowledgements and settings changes are in the audit
// log only (the partial index audit_log_decisions_idx holds exactly these rows).
const auditDecisionId = sql`('audit:' || lpad(a.seq::text, 12, '0'))`
const auditDecisions = (w: ReplayWindow) =>
  branch(w, 'decision', sql`a.at`, auditDecisionId, (where) => {
    return sql`select ${atKey(sql`a.at`)}, a.at, 'decision', ${auditDecisionId}, a.object_id,
        case a.object_type when 'incident' then 'incident' when 'alarm' then 'alarm'
          else 'settings' end,
        coalesce(ST_X(i.location), ST_X(al.location)), coalesce(ST_Y(i.location), ST_Y(al.location)),
        a.action, coalesce(i.grade, al.grade), a.actor_id, a.role,
        coalesce(a.after, '{}'::jsonb) || jsonb_build_object('before', a.before)
      from audit_log a
        left join incidents i on a.object_type = 'incident' and i.id = a.object_id
        left join alarms al on a.object_type = 'alarm' and al.id = a.object_id
      where a.outcome = 'success'
        and a.object_type in ('incident', 'alarm', 'caseSla', 'planTargets')
        and a.action <> 'incident.create' and ${where}`
  })

/** The next `limit` rows of the replay after the cursor, in (at, kind, id) order. */
export async function readReplayRows(db: Executor, w: ReplayWindow): Promise<ReplayRow[]> {
  const union = sql.join(
    [incidentsReported(w), casesReported(w), caseDecisions(w), auditDecisions(w)],
    sql` union all `,
  )
  return queryRows<ReplayRow>(
    db,
    sql`select at_key, kind, id, subject_id, subject_type, lng, lat, category, severity,
          actor_id, actor_role, detail
        from (${union}) r
        order by at, kind collate "C", id collate "C"
        limit ${w.limit}`,
  )
}
