import type { ClassificationMethod } from '../thematic'
import type { AreaLevel, IndicatorId } from './indicators'
import type { TimeBucket } from './queries'

// Response bodies of the analytics endpoints, shared by the BFF and the screens.

export interface ChoroplethArea {
  code: string
  name: string
  /** Null when the indicator has no value there (no stations, no population, nothing due). */
  value: number | null
  /** 0-based class of `value` in `breaks`; null when value is null. */
  class: number | null
  /** The denominator or count behind a rate or mean (due cases, readings, population …). */
  basis: number
}

export interface ChoroplethResult {
  indicator: IndicatorId
  level: AreaLevel
  from: string
  to: string
  method: ClassificationMethod
  /** Inclusive upper bounds of the classes, ascending (packages/domain thematic). */
  breaks: number[]
  /** Areas per class, for the legend. */
  counts: number[]
  areas: ChoroplethArea[]
  /** Newest fact time the numbers include (for "数据截至"), null when there is none. */
  dataTime: string | null
}

export interface TimeseriesPoint {
  /** Bucket start. */
  t: string
  value: number | null
  basis: number
}

export interface TimeseriesResult {
  indicator: IndicatorId
  bucket: TimeBucket
  from: string
  to: string
  area: string | null
  points: TimeseriesPoint[]
  /** The value over the whole window (not the mean of the buckets). */
  total: number | null
}

export const REPLAY_KINDS = ['incident.reported', 'case.reported', 'decision'] as const
export type ReplayKind = (typeof REPLAY_KINDS)[number]

export interface ReplayItem {
  at: string
  kind: ReplayKind
  /** Incident id or case id the item is about. */
  subjectId: string
  subjectType: 'incident' | 'case' | 'alarm' | 'settings'
  /** WGS-84 [lng, lat] for map items; null for decisions without a place. */
  position: [number, number] | null
  /** incident category / case category code; for decisions the action (dispatch, acknowledge …). */
  category: string
  /** incident grade, case urgency … */
  severity: string | null
  /** Decisions: who did it (display name and role); null for reported items. */
  actor: { id: string | null; name: string; role: string | null } | null
  /** Decisions: the decision's own facts (department, new deadline, reason …). */
  detail: Record<string, unknown>
  /** A one-line description in both languages. */
  summary: { zh: string; en: string }
}

export interface ReplayPage {
  from: string
  to: string
  items: ReplayItem[]
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null
}

/** A GeoJSON FeatureCollection of area outlines with `code` and `name` properties. */
export interface AreaFeatureCollection {
  type: 'FeatureCollection'
  features: Array<{
    type: 'Feature'
    id: string
    properties: { code: string; name: string; nameEn: string | null; districtCode: string | null }
    geometry: { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown }
  }>
}

export interface IndicatorLevelAvailability {
  level: AreaLevel
  available: boolean
  /** Why not, when not available (e.g. no unit-grid layer loaded). */
  reason?: { zh: string; en: string }
}
