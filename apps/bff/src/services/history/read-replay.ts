import {
  INCIDENT_CATEGORY_LABELS,
  type IncidentCategory,
  type ReplayItem,
  type ReplayPage,
  type ReplayQuery,
} from '@cityops/domain'
import { inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { apiKeys, departments, users } from '../../db/schema'
import { decodeCursor, encodeCursor } from './replay-cursor'
import { actorLabel, describeDecision, type DepartmentNames } from './decision-summaries'
import { readReplayRows, type ReplayRow } from './replay-sources'

const SYSTEM = '系统'
const API_KEY_PREFIX = 'apiKey:'

/**
 * The time machine's history of [from, to): incidents and cases as they were reported and
 * every decision taken on them, ordered by (at, kind, id) and paged by an opaque cursor.
 */
export async function readReplay(db: Executor, q: ReplayQuery): Promise<ReplayPage> {
  const after = q.cursor ? decodeCursor(q.cursor) : null
  const rows = await readReplayRows(db, {
    from: new Date(q.from),
    to: new Date(q.to),
    after,
    limit: q.limit,
  })
  const [names, depts] = await Promise.all([actorNames(db, rows), departmentNames(db)])
  const last = rows.at(-1)
  return {
    from: q.from,
    to: q.to,
    items: rows.map((r) => toItem(r, names, depts)),
    nextCursor:
      last && rows.length === q.limit
        ? encodeCursor({ at: last.at_key, kind: last.kind, id: last.id })
        : null,
  }
}

function toItem(r: ReplayRow, names: Map<string, string>, depts: DepartmentNames): ReplayItem {
  const position: [number, number] | null =
    r.lng === null || r.lat === null ? null : [Number(r.lng), Number(r.lat)]
  const base = {
    at: new Date(r.at_key).toISOString(),
    kind: r.kind,
    subjectId: r.subject_id,
    subjectType: r.subject_type,
    position,
    category: r.category,
    severity: r.severity,
  }
  const detail = r.detail ?? {}
  if (r.kind !== 'decision') {
    return { ...base, actor: null, detail, summary: reportedSummary(r, detail) }
  }
  const name = r.actor_id === null ? SYSTEM : (names.get(r.actor_id) ?? r.actor_id)
  const who = actorLabel(name, r.actor_role)
  const what = describeDecision(
    r.id.startsWith('case:') ? 'case' : 'audit',
    r.category,
    detail,
    depts,
  )
  const subject = subjectLabel(r, detail)
  return {
    ...base,
    // case decisions are named by the workflow action; audit ones by their action without the entity
    category: r.id.startsWith('case:') ? r.category : r.category.replace(/^[a-zA-Z]+\./, ''),
    actor: { id: r.actor_id, name, role: r.actor_role },
    detail,
    summary: {
      zh: `${who.zh}${what.zh}${subject.zh}`,
      en: `${who.en} ${what.en}${subject.en}`,
    },
  }
}

function subjectLabel(r: ReplayRow, detail: Record<string, unknown>) {
  if (r.subject_type === 'case') {
    const ref = typeof detail.requestNumber === 'string' ? detail.requestNumber : r.subject_id
    return { zh: `（案件 ${ref}）`, en: ` (case ${ref})` }
  }
  if (r.subject_type === 'incident') {
    return { zh: `（事件 ${r.subject_id}）`, en: ` (incident ${r.subject_id})` }
  }
  return { zh: '', en: '' }
}

function reportedSummary(r: ReplayRow, detail: Record<string, unknown>) {
  if (r.kind === 'incident.reported') {
    const label = INCIDENT_CATEGORY_LABELS[r.category as IncidentCategory] as
      { zh: string; en: string } | undefined
    const title = typeof detail.title === 'string' ? `：${detail.title}` : ''
    return {
      zh: `接报${label?.zh ?? r.category}（${r.severity ?? '?'} 级）${title}`,
      en: `${label?.en ?? r.category} reported (grade ${r.severity ?? '?'})`,
    }
  }
  const ref = typeof detail.requestNumber === 'string' ? detail.requestNumber : r.subject_id
  return {
    zh: `上报案件 ${ref}（类别 ${r.category}）`,
    en: `Case ${ref} reported (category ${r.category})`,
  }
}

/** Display names of the people and API keys behind the decisions of one page. */
async function actorNames(db: Executor, rows: ReplayRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])))]
  const keyIds = ids.filter((id) => id.startsWith(API_KEY_PREFIX))
  const userIds = ids.filter((id) => !id.startsWith(API_KEY_PREFIX) && UUID.test(id))
  const names = new Map<string, string>()
  if (userIds.length > 0) {
    const found = await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, userIds))
    for (const u of found) names.set(u.id, u.name)
  }
  const keys = keyIds.map((id) => id.slice(API_KEY_PREFIX.length)).filter((id) => UUID.test(id))
  if (keys.length > 0) {
    const found = await db
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeys)
      .where(inArray(apiKeys.id, keys))
    for (const k of found) names.set(`${API_KEY_PREFIX}${k.id}`, k.name)
  }
  return names
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function departmentNames(db: Executor): Promise<DepartmentNames> {
  const rows = await db
    .select({ code: departments.code, zh: departments.name, en: departments.nameEn })
    .from(departments)
  return new Map(rows.map((d) => [d.code, { zh: d.zh, en: d.en }]))
}
