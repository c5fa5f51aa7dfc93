import { CASE_STATE_LABELS, isTerminalCaseState, IsoDateTime, CASE_STATES } from '@cityops/domain'
import { and, desc, eq, gte, inArray, lte, notInArray, or, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { cityCases, departments } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { CASE_STATE_LABELS_EN, findCategory, serviceCodeOf } from './case-catalogue'
import { beijingIso, beijingIsoOrNull } from './case-time'
import { caseColumns, type CaseRow } from './case-view'
import { requireService } from './open311-services'

// GeoReport v2 "GET Service Requests": at most 1000 results and a window of at most 90 days.
const MAX_REQUESTS = 1000
const MAX_SPAN_MS = 90 * 24 * 3_600_000
const TERMINAL = CASE_STATES.filter(isTerminalCaseState)

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
)

export const Open311RequestsQuery = z.object({
  service_request_id: commaList.pipe(z.array(z.string().max(64)).max(MAX_REQUESTS)).optional(),
  service_code: commaList.optional(),
  start_date: IsoDateTime.optional(),
  end_date: IsoDateTime.optional(),
  status: commaList.pipe(z.array(z.enum(['open', 'closed']))).optional(),
})
export type Open311RequestsQuery = z.output<typeof Open311RequestsQuery>

/** Public read: no reporter fields are selected, so none can be returned. */
const publicSelect = (db: Database) =>
  db
    .select({ ...caseColumns, agencyZh: departments.name, agencyEn: departments.nameEn })
    .from(cityCases)
    .leftJoin(departments, eq(departments.code, cityCases.responsibleDepartment))

export async function findOpen311Requests(db: Database, query: Open311RequestsQuery, now: Date) {
  // GeoReport v2: service_request_id, when given, overrides every other parameter.
  const where = query.service_request_id
    ? inArray(cityCases.requestNumber, query.service_request_id)
    : and(windowCondition(query, now), serviceCondition(query), statusCondition(query))
  const rows = await publicSelect(db)
    .where(where)
    .orderBy(desc(cityCases.reportedAt), desc(cityCases.id))
    .limit(MAX_REQUESTS)
  return rows.map(open311Request)
}

export async function findOpen311Request(db: Database, requestNumber: string) {
  const [row] = await publicSelect(db).where(eq(cityCases.requestNumber, requestNumber))
  if (!row) {
    throw new HttpError(
      404,
      `没有编号为 ${requestNumber} 的诉求 / Request ${requestNumber} not found.`,
    )
  }
  return [open311Request(row)]
}

// Default: the last 90 days; one bound given → 90 days from it; both → at most 90 days apart.
function windowCondition(q: Open311RequestsQuery, now: Date): SQL | undefined {
  const start = q.start_date ? new Date(q.start_date) : null
  const end = q.end_date ? new Date(q.end_date) : null
  const from = start ?? new Date((end ?? now).getTime() - MAX_SPAN_MS)
  const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_MS) : now)
  if (to < from)
    throw new HttpError(400, 'end_date 早于 start_date / end_date is before start_date.')
  if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
    throw new HttpError(
      400,
      '查询时间跨度不能超过 90 天 / start_date and end_date may span at most 90 days.',
    )
  }
  return and(gte(cityCases.reportedAt, from), lte(cityCases.reportedAt, to))
}

function serviceCondition(q: Open311RequestsQuery): SQL | undefined {
  if (!q.service_code) return undefined
  return or(
    ...q.service_code.map((code) => {
      const c = requireService(code)
      return and(eq(cityCases.kind, c.kind), eq(cityCases.categoryCode, c.code))
    }),
  )
}

// Open = every state before a terminal one (CLOSED, INVALID, NOT_FILED).
function statusCondition(q: Open311RequestsQuery): SQL | undefined {
  const wanted = new Set(q.status ?? [])
  if (wanted.size !== 1) return undefined
  return wanted.has('open')
    ? notInArray(cityCases.status, TERMINAL)
    : inArray(cityCases.status, TERMINAL)
}

function open311Request(r: CaseRow & { agencyZh: string | null; agencyEn: string | null }) {
  const category = findCategory(r.kind, r.categoryCode)
  return {
    service_request_id: r.requestNumber,
    status: isTerminalCaseState(r.status) ? ('closed' as const) : ('open' as const),
    status_notes: `${CASE_STATE_LABELS[r.status]} / ${CASE_STATE_LABELS_EN[r.status]}`,
    service_name: category ? `${category.zh} / ${category.en}` : null,
    service_code: serviceCodeOf(r),
    description: r.description || null,
    agency_responsible: r.agencyZh ? `${r.agencyZh} / ${r.agencyEn ?? ''}` : null,
    requested_datetime: beijingIso(r.reportedAt),
    // for closed requests this is the closing time (nothing changes a case after CLOSED)
    updated_datetime: beijingIso(r.updatedAt),
    expected_datetime: beijingIsoOrNull(r.deadline), // 处置时限, once dispatched
    address: r.address,
    lat: Math.round(r.lat * 1e6) / 1e6,
    long: Math.round(r.lng * 1e6) / 1e6,
    media_url: r.mediaUrl,
    x_state: r.status, // our extension: the fine 数字城管 state behind open/closed
  }
}
