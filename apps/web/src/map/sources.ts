import type { GeoJSONSourceSpecification } from './style-types'

/** Source ids of the built-in layers; stable, used by e2e tests through the window hook. */
export const SOURCE_IDS = {
  city: 'city',
  districts: 'districts',
  districtLabels: 'district-labels',
  townships: 'townships',
  rivers: 'rivers',
  roads: 'roads',
  metroLines: 'metro-lines',
  metroStations: 'metro-stations',
  aqiStations: 'aqi-stations',
} as const
export type SourceId = (typeof SOURCE_IDS)[keyof typeof SOURCE_IDS]

export const BASEMAP_BASE = '/basemap'

// Short attributions condensed from public/basemap/SOURCES.md. Keep the caveats.
export const ATTRIBUTION = {
  boundaries: 'Boundaries: DataV.GeoAtlas/AutoNavi (unlicensed)',
  townships: 'Townships: GeoTrellis test data, legacy layout (Apache-2.0)',
  rivers: 'Rivers: GSHHG WDBII (LGPL-3+)',
  roads: 'Road proxy: bus stops c. 2013, chinpeng/zhengzhoubus (unlicensed)',
  metro: 'Metro: metromancn (MIT)',
  aqi: 'AQI sites: CNEMC',
  glyphs: 'Noto Sans (OFL)',
} as const

const FILES: Record<SourceId, { file: string; attribution: string }> = {
  city: { file: 'zhengzhou_city.wgs84.geojson', attribution: ATTRIBUTION.boundaries },
  districts: { file: 'zhengzhou_districts.wgs84.geojson', attribution: ATTRIBUTION.boundaries },
  'district-labels': {
    file: 'zhengzhou_district_labels.wgs84.geojson',
    attribution: ATTRIBUTION.boundaries,
  },
  townships: {
    file: 'zhengzhou_townships_legacy.wgs84.geojson',
    attribution: ATTRIBUTION.townships,
  },
  rivers: { file: 'rivers_gshhg_wdbii.wgs84.geojson', attribution: ATTRIBUTION.rivers },
  roads: { file: 'zhengzhou_road_links.wgs84.geojson', attribution: ATTRIBUTION.roads },
  'metro-lines': { file: 'zhengzhou_metro_lines.wgs84.geojson', attribution: ATTRIBUTION.metro },
  'metro-stations': {
    file: 'zhengzhou_metro_stations.wgs84.geojson',
    attribution: ATTRIBUTION.metro,
  },
  'aqi-stations': { file: 'zhengzhou_aqi_stations_cnemc.geojson', attribution: ATTRIBUTION.aqi },
}

/**
 * Absolute same-origin URL for a root-relative path: GeoJSON is fetched inside the worker,
 * whose base URL differs. Concatenated, not `new URL()`, which would encode `{fontstack}`.
 */
export function assetUrl(path: string): string {
  return `${window.location.origin}${path}`
}

function geojson(id: SourceId): GeoJSONSourceSpecification {
  const { file, attribution } = FILES[id]
  return { type: 'geojson', data: assetUrl(`${BASEMAP_BASE}/data/${file}`), attribution }
}

export function buildSources(): Record<SourceId, GeoJSONSourceSpecification> {
  return {
    city: geojson('city'),
    districts: geojson('districts'),
    'district-labels': geojson('district-labels'),
    townships: geojson('townships'),
    rivers: geojson('rivers'),
    roads: geojson('roads'),
    'metro-lines': geojson('metro-lines'),
    'metro-stations': geojson('metro-stations'),
    'aqi-stations': geojson('aqi-stations'),
  }
}
