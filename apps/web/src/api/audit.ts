import type { AuditOutcome, Role } from '@cityops/domain'
import { infiniteQueryOptions } from '@tanstack/react-query'
import { API_BASE, apiRequest, toSearch, trustBody } from './http'
import { queryKeys } from './query-keys'

/** `AuditRow` of docs/API.md. */
export type AuditRow = {
  id: string
  at: string
  actorId: string | null
  actorName: string | null
  role: Role | null
  address: string | null
  action: string
  objectType: string
  objectId: string
  outcome: AuditOutcome
  detail: unknown
  hash: string
}

/** `nextBefore` is an opaque cursor (the server's sequence number); null on the last page. */
export type AuditPage = { items: AuditRow[]; nextBefore: string | number | null }

/** The viewer's filters, as the API takes them (`from`/`to` are ISO date-times). */
export type AuditFilters = {
  from?: string
  to?: string
  actor?: string
  action?: string
  outcome?: AuditOutcome
  objectType?: string
}

export const AUDIT_PAGE_SIZE = 50

// The first page has no cursor.
const FIRST_PAGE: string | number | undefined = undefined

/** Newest first; "load more" asks for the rows before the page's `nextBefore`. */
export function auditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit.list(filters),
    queryFn: async ({ signal, pageParam }) =>
      trustBody<AuditPage>(
        await apiRequest(
          `/audit${toSearch({ ...filters, limit: AUDIT_PAGE_SIZE, before: pageParam })}`,
          { signal },
        ),
      ),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  })
}

/** The CSV export of the same filters, for a plain download link (the cookie goes along). */
export function auditExportUrl(filters: AuditFilters): string {
  return `${API_BASE}/audit/export.csv${toSearch(filters)}`
}
