import { INCIDENT_GRADES as DOMAIN_GRADES, type IncidentCategory } from '@cityops/domain'
import { AQI_LEVELS, INCIDENT_GRADES, THEME_TOKENS, type ThemeName } from '@cityops/ui'
import type { MapTopic } from '../live/live-feature'
import type { ExpressionSpecification, LayerSpecification } from './style-types'

/** Source id of each live layer (GeoJSON, `promoteId: 'id'`, fed by `updateData`). */
export const LIVE_SOURCE_IDS: Record<MapTopic, string> = {
  traffic: 'live-traffic',
  environment: 'live-environment',
  cases: 'live-cases',
  units: 'live-units',
  incidents: 'live-incidents',
}

/** Layer ids per topic (what a toggle shows or hides); also used by e2e through the map hook. */
export const LIVE_LAYER_IDS = {
  traffic: ['live-traffic-line'],
  environment: ['live-environment-circle', 'live-environment-label'],
  cases: ['live-cases-cluster', 'live-cases-cluster-count', 'live-cases-point'],
  units: ['live-units-circle', 'live-units-label'],
  incidents: ['live-incidents-circle', 'live-incidents-icon'],
} as const satisfies Record<MapTopic, readonly string[]>

// GB/T 33171-2016 §4: 畅通 / 基本畅通 / 轻度 / 中度 / 严重拥堵, in the usual green→dark red ramp.
export const CONGESTION_COLORS = ['#2EBD59', '#9BD84B', '#FFD21F', '#FF8A1F', '#D9262C'] as const

export const UNIT_COLORS = {
  police: '#3D7BFF',
  trafficPolice: '#00B8D9',
  fire: '#FF4D2E',
  ambulance: '#F2F2F2',
  sanitation: '#3DDC84',
  municipal: '#C08CFF',
} as const

// One character per category, the way Chinese command maps label their points; drawn with
// the local CJK font, so no icon font has to be shipped.
export const INCIDENT_CATEGORY_GLYPHS: Record<IncidentCategory, string> = {
  fire: '火',
  trafficAccident: '交',
  medical: '医',
  publicSecurity: '警',
  flood: '水',
  gasLeak: '气',
  powerOutage: '电',
  hazardousChemicals: '危',
  environmentalPollution: '污',
  other: '事',
}

export const CASE_STATUS_COLORS = {
  REPORTED: '#8CC4FF',
  ACCEPTED: '#5AB0FF',
  VERIFIED: '#5AB0FF',
  FILED: '#FFB23F',
  DISPATCHED: '#FF8A1F',
  DISPOSED: '#3DDC84',
  CHECKING: '#3DDC84',
} as const

const match = (
  input: ExpressionSpecification,
  table: Readonly<Record<string, string>>,
  fallback: string,
): ExpressionSpecification =>
  ['match', input, ...Object.entries(table).flat(), fallback] as unknown as ExpressionSpecification

// The grade palette of the design tokens (packages/ui), keyed by the domain's grade names.
const gradeColor = match(
  ['get', 'grade'],
  Object.fromEntries(DOMAIN_GRADES.map((g, i) => [g, INCIDENT_GRADES[i]?.color ?? '#888888'])),
  '#888888',
)
const gradeText = match(
  ['get', 'grade'],
  Object.fromEntries(DOMAIN_GRADES.map((g, i) => [g, INCIDENT_GRADES[i]?.onColor ?? '#FFFFFF'])),
  '#FFFFFF',
)

// HJ 633-2012 Table 2: colour by AQI band (upper bounds 50/100/150/200/300).
const aqiColor: ExpressionSpecification = [
  'step',
  ['coalesce', ['get', 'aqi', ['get', 'latest']], -1],
  '#7A8699',
  0,
  ...AQI_LEVELS.flatMap((l, i) =>
    i === 0 ? [l.color] : [(AQI_LEVELS[i - 1]?.max ?? 0) + 1, l.color],
  ),
] as unknown as ExpressionSpecification

export interface LiveLayerOptions {
  theme: ThemeName
  labelScale: number
}

export function liveLayers({ theme, labelScale }: LiveLayerOptions): LayerSpecification[] {
  const c = THEME_TOKENS[theme].map
  const s = labelScale
  const FONT = ['Noto Sans Medium']
  return [
    {
      id: 'live-traffic-line',
      type: 'line',
      source: LIVE_SOURCE_IDS.traffic,
      filter: ['has', 'congestionLevel'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': [
          'match',
          ['get', 'congestionLevel'],
          1,
          CONGESTION_COLORS[0],
          2,
          CONGESTION_COLORS[1],
          3,
          CONGESTION_COLORS[2],
          4,
          CONGESTION_COLORS[3],
          5,
          CONGESTION_COLORS[4],
          c.road,
        ] as unknown as ExpressionSpecification,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['match', ['get', 'roadClass'], 'arterial', 2, 1.2],
          14,
          ['match', ['get', 'roadClass'], 'arterial', 6, 3.5],
        ] as unknown as ExpressionSpecification,
        'line-opacity': 0.9,
      },
    },
    {
      id: 'live-environment-circle',
      type: 'circle',
      source: LIVE_SOURCE_IDS.environment,
      paint: {
        'circle-radius': [
          'match',
          ['get', 'kind'],
          'air',
          11 * s,
          7 * s,
        ] as unknown as ExpressionSpecification,
        'circle-color': [
          'match',
          ['get', 'kind'],
          'air',
          aqiColor,
          'noise',
          '#B38CFF',
          '#4DA3FF',
        ] as unknown as ExpressionSpecification,
        'circle-stroke-color': c.aqiStroke,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'live-environment-label',
      type: 'symbol',
      source: LIVE_SOURCE_IDS.environment,
      filter: ['==', ['get', 'kind'], 'air'],
      layout: {
        'text-field': ['to-string', ['coalesce', ['get', 'aqi', ['get', 'latest']], '—']],
        'text-font': FONT,
        'text-size': 12 * s,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#000000' },
    },
    {
      id: 'live-cases-cluster',
      type: 'circle',
      source: LIVE_SOURCE_IDS.cases,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': c.cityLine,
        'circle-opacity': 0.35,
        'circle-stroke-color': c.cityLine,
        'circle-stroke-width': 2,
        'circle-radius': [
          'step',
          ['get', 'point_count'],
          14 * s,
          10,
          18 * s,
          50,
          24 * s,
        ] as unknown as ExpressionSpecification,
      },
    },
    {
      id: 'live-cases-cluster-count',
      type: 'symbol',
      source: LIVE_SOURCE_IDS.cases,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': FONT,
        'text-size': 13 * s,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': c.labelText },
    },
    {
      id: 'live-cases-point',
      type: 'circle',
      source: LIVE_SOURCE_IDS.cases,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-radius': 6 * s,
        'circle-color': match(['get', 'status'], CASE_STATUS_COLORS, '#8CC4FF'),
        'circle-stroke-color': [
          'case',
          ['==', ['get', 'overdue'], true],
          '#FF3B3B',
          c.aqiStroke,
        ] as unknown as ExpressionSpecification,
        'circle-stroke-width': [
          'case',
          ['==', ['get', 'overdue'], true],
          3,
          1,
        ] as unknown as ExpressionSpecification,
      },
    },
    {
      id: 'live-units-circle',
      type: 'circle',
      source: LIVE_SOURCE_IDS.units,
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          3.5 * s,
          14,
          7 * s,
        ] as unknown as ExpressionSpecification,
        'circle-color': match(['get', 'type'], UNIT_COLORS, '#CCCCCC'),
        'circle-stroke-color': match(
          ['get', 'status'],
          { available: c.aqiStroke, offDuty: '#555555' },
          '#FFD54A',
        ),
        'circle-stroke-width': [
          'match',
          ['get', 'status'],
          'available',
          1,
          'offDuty',
          1,
          2.5,
        ] as unknown as ExpressionSpecification,
        'circle-opacity': [
          'match',
          ['get', 'status'],
          'offDuty',
          0.4,
          1,
        ] as unknown as ExpressionSpecification,
      },
    },
    {
      id: 'live-units-label',
      type: 'symbol',
      source: LIVE_SOURCE_IDS.units,
      minzoom: 13,
      layout: {
        'text-field': ['get', 'callSign'],
        'text-font': FONT,
        'text-size': 11 * s,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
      },
      paint: { 'text-color': c.labelText, 'text-halo-color': c.labelHalo, 'text-halo-width': 1.5 },
    },
    {
      id: 'live-incidents-circle',
      type: 'circle',
      source: LIVE_SOURCE_IDS.incidents,
      paint: {
        // small dots over the whole city, icons once a district fills the screen
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['match', ['get', 'grade'], 'I', 9 * s, 'II', 8 * s, 5 * s],
          11,
          ['match', ['get', 'grade'], 'I', 14 * s, 'II', 13 * s, 11 * s],
        ] as unknown as ExpressionSpecification,
        'circle-color': gradeColor,
        'circle-stroke-color': '#FFFFFF',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'live-incidents-icon',
      type: 'symbol',
      source: LIVE_SOURCE_IDS.incidents,
      minzoom: 10.5,
      layout: {
        'text-field': match(['get', 'category'], INCIDENT_CATEGORY_GLYPHS, '事'),
        'text-font': FONT,
        'text-size': 13 * s,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': gradeText },
    },
  ]
}

export function liveSources(): Record<
  string,
  {
    type: 'geojson'
    data: { type: 'FeatureCollection'; features: [] }
    promoteId: string
    cluster?: boolean
    clusterRadius?: number
    clusterMaxZoom?: number
  }
> {
  const empty = { type: 'FeatureCollection' as const, features: [] as [] }
  return Object.fromEntries(
    Object.entries(LIVE_SOURCE_IDS).map(([topic, id]) => [
      id,
      {
        type: 'geojson' as const,
        data: empty,
        promoteId: 'id',
        ...(topic === 'cases' ? { cluster: true, clusterRadius: 50, clusterMaxZoom: 13 } : {}),
      },
    ]),
  )
}
