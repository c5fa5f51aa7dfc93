import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GeoJsonGeometry } from '../geo-sql'

// Reference data comes from the same files the offline basemap serves (public/basemap/data,
// provenance in public/basemap/SOURCES.md), so the map and the database never disagree.

export interface Feature<P> {
  properties: P
  geometry: GeoJsonGeometry
}
export interface ReferenceSources {
  city: Feature<{ adcode: string; name: string }>[]
  districts: Feature<{ adcode: string; name: string }>[]
  townshipPolygons: Feature<{ code: string; in_nbs_2023: boolean }>[]
  townshipCodes: { code: string; name: string; countyCode: string }[]
  rivers: Feature<{ gshhg_level: number; name: string | null }>[]
  airStations: Feature<{
    station_code: string
    name: string
    is_background_control_site: boolean
  }>[]
  roadLinks: unknown[]
}

const CSV_PATH = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'zhengzhou_townships_nbs2023.csv',
)

export function readReferenceSources(publicDir: string): ReferenceSources {
  const dataDir = path.join(publicDir, 'basemap', 'data')
  const features = <P>(file: string) =>
    (JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as { features: Feature<P>[] })
      .features
  return {
    city: features('zhengzhou_city.wgs84.geojson'),
    districts: features('zhengzhou_districts.wgs84.geojson'),
    townshipPolygons: features('zhengzhou_townships_legacy.wgs84.geojson'),
    townshipCodes: readTownshipCsv(readFileSync(CSV_PATH, 'utf8')),
    rivers: features('rivers_gshhg_wdbii.wgs84.geojson'),
    airStations: features('zhengzhou_aqi_stations_cnemc.geojson'),
    roadLinks: features('zhengzhou_road_links.wgs84.geojson'),
  }
}

function readTownshipCsv(text: string) {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [code = '', name = '', countyCode = ''] = line.trim().split(',')
      return { code, name, countyCode }
    })
}
