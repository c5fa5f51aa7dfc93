import { CITY_CODE, DEPARTMENTS, DISTRICTS } from '@cityops/domain'
import type { Database } from '../client'
import { multiLineFromGeoJson, multiPolygonFromGeoJson, pointFromLngLat } from '../geo-sql'
import { adminAreas, departments, rivers, roadSegments, stations, townships } from '../schema'
import { insertRoadSegments, roadSegmentsFromGeoJson } from './road-network'
import type { ReferenceSources } from './reference-sources'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export interface ReferenceCounts {
  adminAreas: number
  townships: number
  rivers: number
  stations: number
  departments: number
  roadSegments: number
}

/**
 * Loads reference data in one transaction and returns how many rows were new. Existing rows
 * are left as they are: a restart never duplicates them nor overwrites an administrator's edits.
 */
export function seedReferenceData(db: Database, src: ReferenceSources): Promise<ReferenceCounts> {
  return db.transaction(async (tx) => ({
    adminAreas: await insertAdminAreas(tx, src),
    townships: await insertTownships(tx, src),
    rivers: await insertRivers(tx, src),
    stations: await insertStations(tx, src),
    departments: await insertDepartments(tx),
    roadSegments: await insertRoadNetwork(tx, src),
  }))
}

async function insertAdminAreas(tx: Tx, src: ReferenceSources) {
  const nameEn = new Map<string, string>(DISTRICTS.map((d) => [d.code, d.nameEn]))
  const rows = [
    ...src.city.map((f) => ({ f, level: 'city' as const, parentCode: null })),
    ...src.districts.map((f) => ({ f, level: 'district' as const, parentCode: CITY_CODE })),
  ].map(({ f, level, parentCode }) => ({
    code: f.properties.adcode,
    level,
    name: f.properties.name,
    nameEn: level === 'city' ? 'Zhengzhou' : (nameEn.get(f.properties.adcode) ?? f.properties.name),
    parentCode,
    geom: multiPolygonFromGeoJson(f.geometry),
  }))
  const inserted = await tx
    .insert(adminAreas)
    .values(rows)
    .onConflictDoNothing()
    .returning({ key: adminAreas.code })
  return inserted.length
}

async function insertTownships(tx: Tx, src: ReferenceSources) {
  // NBS 2023 codes and names are authoritative; a legacy polygon is attached only where
  // SOURCES.md confirms its code still names the same unit (in_nbs_2023).
  const polygons = new Map(
    src.townshipPolygons.filter((f) => f.properties.in_nbs_2023).map((f) => [f.properties.code, f]),
  )
  const rows = src.townshipCodes.map((t) => {
    const polygon = polygons.get(t.code)
    return {
      code: t.code,
      name: t.name,
      districtCode: t.countyCode,
      isCurrent: true,
      geom: polygon ? multiPolygonFromGeoJson(polygon.geometry) : null,
    }
  })
  const inserted = await tx
    .insert(townships)
    .values(rows)
    .onConflictDoNothing()
    .returning({ key: townships.code })
  return inserted.length
}

async function insertRivers(tx: Tx, src: ReferenceSources) {
  // GSHHG lines carry no ids or names; the file order is stable, so the index is the id.
  const rows = src.rivers.map((f, i) => ({
    id: `gshhg-${String(i + 1).padStart(3, '0')}`,
    name: f.properties.name,
    gshhgLevel: f.properties.gshhg_level,
    geom: multiLineFromGeoJson(f.geometry),
  }))
  const inserted = await tx
    .insert(rivers)
    .values(rows)
    .onConflictDoNothing()
    .returning({ key: rivers.id })
  return inserted.length
}

async function insertStations(tx: Tx, src: ReferenceSources) {
  const rows = src.airStations.map((f) => {
    const [lng = Number.NaN, lat = Number.NaN] = f.geometry.coordinates as number[]
    return {
      code: f.properties.station_code,
      name: f.properties.name,
      kind: 'air' as const,
      isBackground: f.properties.is_background_control_site,
      location: pointFromLngLat(lng, lat),
    }
  })
  const inserted = await tx
    .insert(stations)
    .values(rows)
    .onConflictDoNothing()
    .returning({ key: stations.code })
  return inserted.length
}

async function insertDepartments(tx: Tx) {
  const rows = DEPARTMENTS.map((d) => ({
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    kind: d.kind,
    districtCode: d.districtCode ?? null,
  }))
  const inserted = await tx
    .insert(departments)
    .values(rows)
    .onConflictDoNothing()
    .returning({ key: departments.code })
  return inserted.length
}

async function insertRoadNetwork(tx: Tx, src: ReferenceSources) {
  // Only on an empty table: a network imported with `npm run import:roads` is never mixed in.
  const [any] = await tx.select({ id: roadSegments.id }).from(roadSegments).limit(1)
  return any ? 0 : insertRoadSegments(tx, roadSegmentsFromGeoJson(src.roadLinks))
}
