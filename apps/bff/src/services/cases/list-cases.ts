import { CASE_STATES, IsoDateTime, type ListScope } from '@cityops/domain'
import { and, count, desc, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { cityCases } from '../../db/schema'
import { caseColumns, caseView, type CaseView } from './case-view'

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
)

export const ListCasesQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  status: commaList.pipe(z.array(z.enum(CASE_STATES)).min(1)).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})
export type ListCasesQuery = z.output<typeof ListCasesQuery>

/**
 * A case's department is its responsible department; a case without one (not yet dispatched)
 * is outside every department scope, so handlers never see it.
 */
export function caseScopeCondition(scope: ListScope): SQL | undefined {
  if (scope.kind === 'all') return undefined
  if (scope.kind === 'none') return sql`false`
  return inArray(cityCases.responsibleDepartment, scope.codes)
}

/** Newest first, `[from, to)` by report time, filtered by the reader's list scope. */
export async function listCases(
  db: Database,
  scope: ListScope,
  query: ListCasesQuery,
): Promise<{ total: number; items: CaseView[] }> {
  const where = and(
    caseScopeCondition(scope),
    query.from ? gte(cityCases.reportedAt, new Date(query.from)) : undefined,
    query.to ? lt(cityCases.reportedAt, new Date(query.to)) : undefined,
    query.status ? inArray(cityCases.status, query.status) : undefined,
  )
  const [counted] = await db.select({ total: count() }).from(cityCases).where(where)
  const rows = await db
    .select(caseColumns)
    .from(cityCases)
    .where(where)
    .orderBy(desc(cityCases.reportedAt), desc(cityCases.id))
    .limit(query.limit)
    .offset(query.offset)
  return { total: counted?.total ?? 0, items: rows.map(caseView) }
}
