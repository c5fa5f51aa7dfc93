import {
  AreaCode,
  CASE_STATES,
  CLOCK_STATES,
  IsoDateTime,
  type CaseRequestKind,
  type CaseSlaConfig,
  type ListScope,
} from '@cityops/domain'
import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  sql,
  type SQL,
} from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { cityCases } from '../../db/schema'
import { areaCondition } from '../area-condition'
import { withQueueFields, type CaseQueueFields } from './case-sla-view'
import { caseColumns, caseView, type CaseView } from './case-view'

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
)
const flag = z.enum(['true', 'false']).transform((v) => v === 'true')

// The contract spells the filter `state=`; `status=` (the column's name) works too.
// The choropleth's name for the category filter is `caseCategory` (issue #7: the same filters).
const aliased = (query: unknown, alias: string, name: string) =>
  query && typeof query === 'object' && alias in query && !(name in query)
    ? { ...query, [name]: (query as Record<string, unknown>)[alias] }
    : query
const stateAsStatus = (query: unknown) =>
  aliased(aliased(query, 'state', 'status'), 'caseCategory', 'category')

export const ListCasesQuery = z.preprocess(
  stateAsStatus,
  z.object({
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    status: commaList.pipe(z.array(z.enum(CASE_STATES)).min(1)).optional(),
    department: z.string().trim().min(1).max(64).optional(),
    category: z
      .string()
      .regex(/^\d{2}(\d{2})?$/, '类别为 2 位大类或 4 位小类代码 / category is a 2- or 4-digit code')
      .optional(),
    district: z
      .string()
      .regex(/^\d{6}$/, '区县代码为 6 位数字 / district is 6 digits')
      .optional(),
    area: AreaCode.optional(),
    overdue: flag.optional(),
    supervised: flag.optional(),
    // an open 回退 / 延期 / 挂账 request waiting for the shift lead
    pending: flag.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(['newest', 'breach']).default('newest'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
)
export type ListCasesQuery = z.output<typeof ListCasesQuery>

export type QueueCase = CaseView &
  CaseQueueFields & { checkInspector: string | null; pendingRequest: CaseRequestKind | null }

/**
 * A case's department is its responsible department; a case without one (not yet dispatched)
 * is outside every department scope, so handlers never see it.
 */
export function caseScopeCondition(scope: ListScope): SQL | undefined {
  if (scope.kind === 'all') return undefined
  if (scope.kind === 'none') return sql`false`
  return inArray(cityCases.responsibleDepartment, scope.codes)
}

const CLOCKED = sql.join(
  CLOCK_STATES.map((s) => sql`${s}`),
  sql`, `,
)

/**
 * When the clock runs out, as an instant comparable with `now`: the deadline, or for a case
 * parked under a pausing policy, now + what was left when it stopped. Null without a clock.
 */
function breachAt(sla: CaseSlaConfig, now: Date): SQL {
  const paused = sla.policy.isPausedWhileSuspended
  return sql`(case when ${cityCases.status} not in (${CLOCKED}) then null
    when ${cityCases.status} = 'SUSPENDED' and ${sql.raw(paused ? 'true' : 'false')} and ${cityCases.suspendedAt} is not null
      then ${now.toISOString()}::timestamptz + (${cityCases.deadline} - ${cityCases.suspendedAt})
    else ${cityCases.deadline} end)`
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`)

function filters(scope: ListScope, query: ListCasesQuery, sla: CaseSlaConfig, now: Date) {
  const isOverdue = sql`coalesce(${breachAt(sla, now)} < ${now.toISOString()}::timestamptz, false)`
  const like = query.q ? `%${escapeLike(query.q)}%` : null
  return and(
    caseScopeCondition(scope),
    query.from ? gte(cityCases.reportedAt, new Date(query.from)) : undefined,
    query.to ? lt(cityCases.reportedAt, new Date(query.to)) : undefined,
    query.status ? inArray(cityCases.status, query.status) : undefined,
    query.department ? eq(cityCases.responsibleDepartment, query.department) : undefined,
    query.category?.length === 4 ? eq(cityCases.categoryCode, query.category) : undefined,
    query.category?.length === 2
      ? sql`left(${cityCases.categoryCode}, 2) = ${query.category}`
      : undefined,
    query.district ? eq(cityCases.districtCode, query.district) : undefined,
    query.area ? areaCondition('city_cases', query.area) : undefined,
    query.overdue === undefined ? undefined : query.overdue ? isOverdue : sql`not ${isOverdue}`,
    query.supervised === undefined
      ? undefined
      : query.supervised
        ? isNotNull(cityCases.supervisionLevel)
        : isNull(cityCases.supervisionLevel),
    query.pending === undefined
      ? undefined
      : query.pending
        ? isNotNull(cityCases.pending)
        : isNull(cityCases.pending),
    like
      ? sql`(${cityCases.requestNumber} ilike ${like} or ${cityCases.description} ilike ${like}
          or coalesce(${cityCases.address}, '') ilike ${like})`
      : undefined,
  )
}

/**
 * The dispatcher's queue and every other case list: filtered by the reader's list scope,
 * newest first or by time to breach (no clock last), each case with its SLA and 督办.
 */
export async function listCases(
  db: Database,
  scope: ListScope,
  query: ListCasesQuery,
  sla: CaseSlaConfig,
  now: Date,
): Promise<{ total: number; items: QueueCase[] }> {
  const where = filters(scope, query, sla, now)
  const [counted] = await db.select({ total: count() }).from(cityCases).where(where)
  const order =
    query.sort === 'breach'
      ? [sql`${breachAt(sla, now)} asc nulls last`, desc(cityCases.reportedAt), desc(cityCases.id)]
      : [desc(cityCases.reportedAt), desc(cityCases.id)]
  const rows = await db
    .select({
      ...caseColumns,
      suspendedAt: cityCases.suspendedAt,
      reworkCount: cityCases.reworkCount,
      returnCount: cityCases.returnCount,
      supervisionLevel: cityCases.supervisionLevel,
      checkInspector: cityCases.checkInspector,
      pendingRequest: sql<CaseRequestKind | null>`${cityCases.pending}->>'kind'`,
    })
    .from(cityCases)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset)
  const items = await withQueueFields(db, rows, sla, now)
  return {
    total: counted?.total ?? 0,
    // who the 核查 was given to (null: any inspector), so each inspector's list shows theirs;
    // the kind of an open request, so the shift lead's approvals need no detail per case
    items: items.map(({ row, extra }) => ({
      ...caseView(row),
      ...extra,
      checkInspector: row.checkInspector,
      pendingRequest: row.pendingRequest,
    })),
  }
}
