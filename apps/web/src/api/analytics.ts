import type {
  AreaFeatureCollection,
  AreaLevel,
  ChoroplethResult,
  ClassificationMethod,
  IndicatorId,
  IndicatorLevelAvailability,
} from '@cityops/domain'
import { queryOptions } from '@tanstack/react-query'
import { apiRequest, toSearch, trustBody } from './http'

// The thematic map's reads (issue #7): catalogue, choropleth, outlines and the facts behind a
// heatmap. Time series and plan targets are in analytics-history.ts (shared with the KPI trends).

export type ChoroplethParams = {
  indicator: IndicatorId
  level: AreaLevel
  from: string
  to: string
  method: ClassificationMethod
  classes: number
  /** Manual breaks as the API takes them: "10,20,50". */
  breaks?: string
  incidentCategory?: string
  incidentGrade?: string
  caseCategory?: string
}

/** One catalogue entry: the indicator's id and where it can be mapped. */
export type IndicatorAvailability = { id: string; levels: IndicatorLevelAvailability[] }

export type FactPoint = { id: string; coordinates: [number, number] }

const analyticsKeys = {
  indicators: () => ['analytics', 'indicators'] as const,
  choropleth: (p: ChoroplethParams) => ['analytics', 'choropleth', p] as const,
  areas: (level: AreaLevel) => ['analytics', 'areas', level] as const,
  facts: (kind: 'incidents' | 'cases', from: string, to: string, filters: FactFilters) =>
    ['analytics', 'facts', kind, from, to, filters] as const,
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * Reads the catalogue whether it lists `{ indicators: [...] }` or a bare array, each entry with
 * `levels` (or `availability`): the page only needs which levels are open and why not.
 */
export function readCatalogue(body: unknown): IndicatorAvailability[] {
  const list: unknown = Array.isArray(body) ? body : isObject(body) ? body.indicators : undefined
  if (!Array.isArray(list)) return []
  return list.flatMap((entry: unknown) => {
    if (!isObject(entry) || typeof entry.id !== 'string') return []
    const levels: unknown = entry.levels ?? entry.availability
    return [
      {
        id: entry.id,
        levels: Array.isArray(levels) ? trustBody<IndicatorLevelAvailability[]>(levels) : [],
      },
    ]
  })
}

export function indicatorsQueryOptions() {
  return queryOptions({
    queryKey: analyticsKeys.indicators(),
    queryFn: async ({ signal }) =>
      readCatalogue(await apiRequest('/analytics/indicators', { signal })),
    staleTime: 10 * 60_000,
  })
}

export function choroplethQueryOptions(params: ChoroplethParams) {
  return queryOptions({
    queryKey: analyticsKeys.choropleth(params),
    queryFn: async ({ signal }) =>
      trustBody<ChoroplethResult>(
        await apiRequest(`/analytics/choropleth${toSearch(params)}`, { signal }),
      ),
  })
}

export function areasQueryOptions(level: AreaLevel) {
  return queryOptions({
    queryKey: analyticsKeys.areas(level),
    queryFn: async ({ signal }) =>
      trustBody<AreaFeatureCollection>(
        await apiRequest(`/analytics/areas${toSearch({ level })}`, { signal }),
      ),
    // Outlines do not change while the page is open.
    staleTime: Infinity,
  })
}

const FACT_LIMIT = 500

function pointOf(item: unknown): FactPoint | null {
  if (!isObject(item) || typeof item.id !== 'string') return null
  const geometry: unknown = item.location ?? item.position
  // Incidents carry `location: [lng, lat]`, cases a GeoJSON Point.
  const coordinates: unknown =
    isObject(geometry) && !Array.isArray(geometry) ? geometry.coordinates : geometry
  if (!Array.isArray(coordinates) || coordinates.length < 2) return null
  const [lng, lat]: unknown[] = coordinates
  if (typeof lng !== 'number' || typeof lat !== 'number') return null
  return { id: item.id, coordinates: [lng, lat] }
}

export type FactFilters = {
  incidentCategory?: string
  incidentGrade?: string
  caseCategory?: string
}

/** Incident or case points reported in [from, to) for the heatmap (at most 500, newest first). */
export function factPointsQueryOptions(
  kind: 'incidents' | 'cases',
  from: string,
  to: string,
  filters: FactFilters,
) {
  return queryOptions({
    queryKey: analyticsKeys.facts(kind, from, to, filters),
    queryFn: async ({ signal }) => {
      const search = toSearch({ from, to, limit: FACT_LIMIT, ...filters })
      const body = await apiRequest(`/${kind}${search}`, { signal })
      const items: unknown = isObject(body) ? body.items : undefined
      const points = Array.isArray(items) ? items.map(pointOf) : []
      return points.filter((p): p is FactPoint => p !== null)
    },
  })
}
