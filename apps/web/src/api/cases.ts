import type {
  CaseCommandType,
  CaseKind,
  CaseRequestKind,
  CaseState,
  DispatchReason,
  DispatchSuggestion,
  SupervisionLevel,
  Timeline,
} from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest, toSearch, trustBody } from './http'
import { caseKeys, type CaseListFilters } from './case-keys'

export { caseKeys, type CaseListFilters } from './case-keys'

/** The 处置 clock of a case as `GET /api/cases` reports it (null before 立案). */
export type CaseSla = {
  deadline: string
  remainingMinutes: number
  overdue: boolean
  breachSoon: boolean
  paused: boolean
  /** Null when the department has no recent history to predict from. */
  predictedBreach: boolean | null
}

export type CaseSupervision = { level: SupervisionLevel; note?: string | null; at?: string | null }

/** `CaseView` of apps/bff/src/services/cases/case-view.ts plus the queue's SLA fields. */
export type CaseItem = {
  id: string
  requestNumber: string
  kind: CaseKind
  categoryCode: string
  componentId: string | null
  gridCode: string | null
  status: CaseState
  description: string
  address: string | null
  location: { type: 'Point'; coordinates: [number, number] }
  districtCode: string
  channel: string
  mediaUrl: string | null
  deadline: string | null
  responsibleDepartment: string | null
  reportedAt: string
  updatedAt: string
  version: number
  /** Added by the queue API; absent on servers that do not compute it yet. */
  sla?: CaseSla | null
  supervision?: CaseSupervision | null
  reworkCount?: number
  returnCount?: number
  /** The inspector a 核查 was given to (null: any inspector); list items only. */
  checkInspector?: string | null
  /** The kind of an open 回退 / 延期 / 挂账 request (null: none); list items only. */
  pendingRequest?: CaseRequestKind | null
}

export type CasePendingRequest = {
  kind: CaseRequestKind
  reason: string
  until: string | null
  requestedBy: string
  requestedAt: string
}

/** `CaseDetail` of docs/WORKFLOWS.md: the list view plus the workflow bookkeeping. */
export type CaseDetail = CaseItem & {
  workflow: {
    pending: CasePendingRequest | null
    duplicateOf: string | null
    outcomeReason: string | null
    checkInspector: string | null
    isCheckPassed: boolean
    suspendedAt: string | null
    evidenceIds: string[]
    dispatchCount: number
    returnCount: number
    extensionCount: number
    reworkCount: number
    supervision: { level: SupervisionLevel; count: number } | null
  }
}

export type CaseWithActions = { case: CaseDetail; allowedActions: CaseCommandType[] }
export type CaseList = { total: number; items: CaseItem[] }

/** Why a department is suggested (the domain's `DispatchReason`); the desk words each kind. */
export type SuggestionReason = DispatchReason
/** `score` is in points (DISPATCH_WEIGHTS), only for ordering; `summary` a bilingual fallback. */
export type DepartmentSuggestion = DispatchSuggestion

export type DuplicateCandidate = {
  id: string
  requestNumber: string
  categoryCode: string
  distanceM: number
  reportedAt: string
  status: CaseState
}

export type CaseSuggestion = {
  caseId: string
  departments: DepartmentSuggestion[]
  duplicates: DuplicateCandidate[]
}

export type CaseEvidence = {
  id: string
  url: string
  contentType: string
  capturedAt: string | null
  location: { type: 'Point'; coordinates: [number, number] } | null
  uploadedBy: string | null
  uploadedAt: string
}

export type CaseCategory = {
  code: string
  kind: CaseKind
  majorCode: string
  majorName: string
  minorName: string
  nameEn: string
  timeLimit: unknown
  defaultDepartments: string[]
}

export type KpiGroupBy = 'department' | 'district' | 'street'
export type CaseKpiRow = {
  code: string
  name: string
  due: number
  closed: number
  closedOnTime: number
  reworked: number
  returned: number
  closureRate: number | null
  onTimeRate: number | null
  reworkRate: number | null
  returnRate: number | null
  avgHandlingHours: number | null
}
export type CaseKpis = { rows: CaseKpiRow[]; total?: unknown }

const LIST_LIMIT = 200

/** `GET /api/cases` with the queue's filters (comma lists for several states). */
export function casesQueryOptions(filters: CaseListFilters) {
  return queryOptions({
    queryKey: caseKeys.list(filters),
    queryFn: async ({ signal }) =>
      trustBody<CaseList>(
        await apiRequest(
          `/cases${toSearch({
            status: filters.status?.join(','),
            category: filters.category,
            district: filters.district,
            department: filters.department,
            overdue: filters.overdue,
            supervised: filters.supervised ? 'true' : undefined,
            pending: filters.pending ? 'true' : undefined,
            q: filters.q,
            sort: filters.sort,
            from: filters.from,
            to: filters.to,
            limit: filters.limit ?? LIST_LIMIT,
          })}`,
          { signal },
        ),
      ),
  })
}

const path = (id: string, rest = '') => `/cases/${encodeURIComponent(id)}${rest}`

export function caseQueryOptions(id: string) {
  return queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: async ({ signal }) =>
      trustBody<CaseWithActions>(await apiRequest(path(id), { signal })),
  })
}

export function caseTimelineQueryOptions(id: string) {
  return queryOptions({
    queryKey: caseKeys.timeline(id),
    // Not `Timeline.parse`: workflow events are named `case.<action>` (not past tense), which
    // the strict LiveEventType pattern refuses; the desk only reads type, time and actor.
    queryFn: async ({ signal }) =>
      trustBody<Timeline>(
        await apiRequest(`/timeline/cases/${encodeURIComponent(id)}`, { signal }),
      ),
  })
}

export function caseSuggestionQueryOptions(id: string) {
  return queryOptions({
    queryKey: caseKeys.suggestion(id),
    queryFn: async ({ signal }) =>
      trustBody<CaseSuggestion>(await apiRequest(path(id, '/suggestion'), { signal })),
    retry: false,
  })
}

export function caseEvidenceQueryOptions(id: string) {
  return queryOptions({
    queryKey: caseKeys.evidence(id),
    queryFn: async ({ signal }) =>
      trustBody<{ items: CaseEvidence[] }>(await apiRequest(path(id, '/evidence'), { signal }))
        .items,
    retry: false,
  })
}

export function caseCategoriesQueryOptions() {
  return queryOptions({
    queryKey: caseKeys.categories(),
    queryFn: async ({ signal }) =>
      trustBody<{ items: CaseCategory[] }>(await apiRequest('/case-categories', { signal })).items,
    staleTime: 10 * 60_000,
    retry: false,
  })
}

export function caseKpisQueryOptions(groupBy: KpiGroupBy, from: string, to: string) {
  return queryOptions({
    queryKey: caseKeys.kpis(groupBy, from, to),
    queryFn: async ({ signal }) =>
      trustBody<CaseKpis>(
        await apiRequest(`/kpis/cases${toSearch({ groupBy, from, to })}`, { signal }),
      ),
    retry: false,
  })
}

export {
  CaseActionError,
  caseActionRequest,
  newIdempotencyKey,
  postCaseAction,
} from './case-actions'
export type { CaseActionErrorKind, CaseActionFields, CaseActionRequest } from './case-actions'
