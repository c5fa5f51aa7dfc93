import type { AreaFeatureCollection, AreaLevel } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

// The areas a choropleth colours. Districts: the 12 county-level divisions (admin_areas level
// 'district'; the functional areas 经开区/高新区/航空港区 have no outline there, so nothing is
// counted twice). Townships: the 乡镇/街道 that have an outline (the legacy layer, where its
// code still names the same unit). The unit grid is not loaded (indicator-catalogue.ts).

export type MappedLevel = Exclude<AreaLevel, 'grid'>

export interface AreaName {
  code: string
  name: string
  nameEn: string | null
  districtCode: string | null
}

const NAMES = {
  district: sql`select code, name, name_en as "nameEn", null::text as "districtCode"
    from admin_areas where level = 'district' order by code`,
  township: sql`select code, name, null::text as "nameEn", district_code as "districtCode"
    from townships where geom is not null order by code`,
}

export const areaNames = (db: Executor, level: MappedLevel) =>
  queryRows<AreaName & Record<string, unknown>>(db, NAMES[level])

/** The stored area column that holds a fact's area of this level. */
export const areaColumn = (level: MappedLevel) =>
  level === 'district' ? sql.raw('area_district') : sql.raw('area_township')

// [U] Simplification tolerance in degrees (~200 m for districts, ~100 m for townships): enough
// for a city-wide map, and the township layer is itself generalised to ~1 km steps.
const TOLERANCE: Record<MappedLevel, number> = { district: 0.002, township: 0.001 }
/** 5 decimals ≈ 1 m: far finer than the simplification. */
const DECIMALS = 5

/** Outlines of every area of the level, simplified, WGS-84 GeoJSON. */
export async function listAreas(db: Executor, level: MappedLevel): Promise<AreaFeatureCollection> {
  const table = level === 'district' ? sql`admin_areas` : sql`townships`
  const where = level === 'district' ? sql`level = 'district'` : sql`geom is not null`
  const rows = await queryRows<{ code: string; geometry: string }>(
    db,
    sql`select code, ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, ${TOLERANCE[level]}),
          ${DECIMALS}) as geometry
        from ${table} where ${where} order by code`,
  )
  const names = new Map((await areaNames(db, level)).map((a) => [a.code, a]))
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => {
      const a = names.get(r.code)
      return {
        type: 'Feature',
        id: r.code,
        properties: {
          code: r.code,
          name: a?.name ?? r.code,
          nameEn: a?.nameEn ?? null,
          districtCode: a?.districtCode ?? null,
        },
        geometry: JSON.parse(r.geometry) as AreaFeatureCollection['features'][number]['geometry'],
      }
    }),
  }
}

/** Imported populations by area code (npm run import:population). */
export async function populations(db: Executor): Promise<Map<string, number>> {
  const rows = await queryRows<{ code: string; population: number }>(
    db,
    sql`select code, population from area_population`,
  )
  return new Map(rows.map((r) => [r.code, Number(r.population)]))
}
