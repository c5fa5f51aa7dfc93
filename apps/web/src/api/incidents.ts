import type {
  AssignmentStatus,
  IncidentAction,
  IncidentCategory,
  IncidentGrade,
  IncidentSource,
  IncidentStatus,
  UnitType,
} from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { ApiError, parseProblem } from './errors'
import { apiFetch, apiRequest, readJson, toSearch, trustBody } from './http'

export { newIdempotencyKey } from './case-actions'

// The incident coordination API (docs/API.md "Incidents", issue #6). Keys start with
// 'incidents' so the `incidents` live topic invalidates them all (use-live-invalidation.ts).
export const incidentKeys = {
  all: () => ['incidents'] as const,
  lists: () => ['incidents', 'list'] as const,
  list: (filters: IncidentListFilters) => ['incidents', 'list', filters] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  suggestions: (id: string) => ['incidents', 'suggestions', id] as const,
  /** A list too: an action's answer makes every list refetch. */
  departmentAssignments: (code: string) => ['incidents', 'list', 'department', code] as const,
}

export type IncidentListFilters = {
  status?: readonly IncidentStatus[]
  category?: IncidentCategory
  grade?: IncidentGrade
  limit?: number
}

/** One row of `GET /api/incidents` (newest first, scoped to the reader's departments). */
export type IncidentItem = {
  id: string
  source: IncidentSource
  category: IncidentCategory
  grade: IncidentGrade
  status: IncidentStatus
  title: string
  /** WGS-84 [lng, lat]. */
  location: [number, number]
  departments: string[]
  reportedAt: string
  updatedAt: string
  version: number
  /** How far its departments are: assignments made, and those finished (处置完毕). */
  assignments: { total: number; finished: number }
}
export type IncidentList = { total: number; items: IncidentItem[] }

export type IncidentFacts = IncidentItem & {
  description: string | null
  districtCode: string | null
}

export type AssignmentAction = Extract<
  IncidentAction,
  'acknowledge' | 'enRoute' | 'onScene' | 'finish'
>
export type IncidentLevelAction = Exclude<IncidentAction, AssignmentAction>

export type IncidentAssignmentView = {
  id: string
  incidentId: string
  departmentCode: string
  unitIds: string[]
  /** The same units with their call signs (null for a unit no longer in the fleet). */
  units: { id: string; callSign: string | null }[]
  status: AssignmentStatus
  notifiedAt: string
  acknowledgedAt: string | null
  enRouteAt: string | null
  onSceneAt: string | null
  finishedAt: string | null
  escalatedAt: string | null
  note: string | null
  allowedActions: AssignmentAction[]
}

/** `GET /api/incidents/:id` and every action's answer: what the reader sees and may do. */
export type IncidentDetail = {
  incident: IncidentFacts
  assignments: IncidentAssignmentView[]
  allowedActions: IncidentLevelAction[]
}

/** `GET /api/departments/:code/incident-assignments`: 应急调派 on a department's page. */
export type DepartmentAssignments = {
  total: number
  /** Active incidents, newest first, each with this department's unfinished assignment. */
  items: { incident: IncidentFacts; assignment: IncidentAssignmentView }[]
}

export type UnitSuggestion = {
  unitId: string
  callSign: string
  type: UnitType
  departmentCode: string
  location: [number, number]
  distanceM: number
  /** Bilingual `中文 / English`. */
  reason: string
}
export type UnitSuggestions = {
  incidentId: string
  types: UnitType[]
  suggestions: UnitSuggestion[]
}

export function incidentsQueryOptions(filters: IncidentListFilters) {
  return queryOptions({
    queryKey: incidentKeys.list(filters),
    queryFn: async ({ signal }) =>
      trustBody<IncidentList>(
        await apiRequest(
          `/incidents${toSearch({
            status: filters.status?.join(','),
            category: filters.category,
            grade: filters.grade,
            limit: filters.limit,
          })}`,
          { signal },
        ),
      ),
  })
}

export function incidentQueryOptions(id: string) {
  return queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: async ({ signal }) =>
      trustBody<IncidentDetail>(
        await apiRequest(`/incidents/${encodeURIComponent(id)}`, { signal }),
      ),
  })
}

/** Nearest available units of the incident category's usual types (only for who assigns). */
export function departmentAssignmentsQueryOptions(code: string) {
  return queryOptions({
    queryKey: incidentKeys.departmentAssignments(code),
    queryFn: async ({ signal }) =>
      trustBody<DepartmentAssignments>(
        await apiRequest(`/departments/${encodeURIComponent(code)}/incident-assignments`, {
          signal,
        }),
      ),
  })
}

export function unitSuggestionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: incidentKeys.suggestions(id),
    queryFn: async ({ signal }) =>
      trustBody<UnitSuggestions>(
        await apiRequest(`/incidents/${encodeURIComponent(id)}/unit-suggestions`, { signal }),
      ),
  })
}

/** The body of `POST /api/incidents/:id/actions`. */
export type IncidentActionRequest = { expectedVersion: number } & (
  | { action: 'grade'; grade: IncidentGrade; reason: string }
  | { action: 'assign'; departmentCode: string; unitIds: string[] }
  | { action: Exclude<AssignmentAction, 'finish'>; assignmentId: string }
  | { action: 'finish'; assignmentId: string; note?: string }
  | { action: 'close'; summary: string }
)

/**
 * Why the BFF refused (apps/bff incident-action-errors.ts): stale — changed since the version
 * sent (409 STALE_VERSION); notAllowed — not in this state (409 ACTION_NOT_ALLOWED); forbidden
 * (403); refused — a field conflicts (422); invalid — fields fail the schema (400).
 */
export type IncidentActionErrorKind =
  'stale' | 'notAllowed' | 'forbidden' | 'refused' | 'invalid' | 'notFound' | 'other'

export class IncidentActionError extends ApiError {
  constructor(
    status: number,
    body: unknown,
    readonly kind: IncidentActionErrorKind,
    /** The incident as it is now, when the answer carries it (a stale version's 409). */
    readonly current: IncidentDetail | undefined,
  ) {
    super(status, parseProblem(body))
  }
}

function kindOf(status: number, code: unknown): IncidentActionErrorKind {
  if (status === 409) return code === 'ACTION_NOT_ALLOWED' ? 'notAllowed' : 'stale'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'notFound'
  if (status === 422) return 'refused'
  if (status === 400) return 'invalid'
  return 'other'
}

/** `POST /api/incidents/:id/actions` with the caller's Idempotency-Key (one per intent). */
export async function postIncidentAction(
  id: string,
  request: IncidentActionRequest,
  idempotencyKey: string,
): Promise<IncidentDetail> {
  const response = await apiFetch(`/incidents/${encodeURIComponent(id)}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(request),
  })
  const body = await readJson(response)
  if (response.ok) return trustBody<IncidentDetail>(body)
  const field = (key: string): unknown =>
    typeof body === 'object' && body !== null ? Reflect.get(body, key) : undefined
  const kind = kindOf(response.status, field('code'))
  const current =
    kind === 'stale' && field('incident') ? trustBody<IncidentDetail>(body) : undefined
  throw new IncidentActionError(response.status, body, kind, current)
}
