import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEPARTMENTS, DISTRICTS } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { prepareDatabase } from '../src/db/prepare-database'
import { queryRows } from '../src/db/query-rows'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'
import { PUBLIC_DIR } from './support/paths'
import { pointInMultiPolygon } from './support/point-in-polygon'
import { readReferenceSources } from '../src/db/reference/reference-sources'

// The same suite on every driver: one schema, one SQL dialect, the same answers.
describe.each(DRIVERS)('reference data on %s', (driver) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(driver)
  })
  afterAll(() => t?.dispose())

  const count = async (table: string, where = 'true') => {
    const rows = await queryRows<{ n: number }>(
      t.handle.db,
      sql.raw(`select count(*)::int as n from ${table} where ${where}`),
    )
    return Number(rows[0]?.n)
  }

  it('holds the city outline and its 12 county-level divisions with GB/T 2260 codes', async () => {
    const rows = await queryRows<{ code: string; name: string; level: string }>(
      t.handle.db,
      sql`select code, name, level from admin_areas order by code`,
    )
    expect(rows.find((r) => r.level === 'city')).toMatchObject({ code: '410100', name: '郑州市' })
    const districts = rows.filter((r) => r.level === 'district')
    expect(districts.map((d) => d.code)).toEqual(DISTRICTS.map((d) => d.code).sort())
  })

  it('stores geometry as valid WGS84 and the city covers about 7,523 km²', async () => {
    const [row] = await queryRows<{ srid: number; km2: number; invalid: number }>(
      t.handle.db,
      sql`select ST_SRID(geom) as srid,
                 round((ST_Area(geom::geography) / 1e6)::numeric)::int as km2,
                 (select count(*)::int from admin_areas where not ST_IsValid(geom)) as invalid
          from admin_areas where code = '410100'`,
    )
    expect(row).toEqual({ srid: 4326, km2: expect.any(Number), invalid: 0 })
    expect(Math.abs((row?.km2 ?? 0) - 7523)).toBeLessThan(40)
  })

  it('loads the NBS 2023 townships, with polygons where the legacy layer still matches', async () => {
    expect(await count('townships')).toBe(208)
    expect(await count('townships', 'geom is not null')).toBe(102)
    expect(await count('townships', 'not ST_IsValid(geom)')).toBe(0)
  })

  it('places every national air-quality station in the same district as the source files', async () => {
    const rows = await queryRows<{ code: string; district: string }>(
      t.handle.db,
      sql`select s.code, a.code as district
          from stations s join admin_areas a on a.level = 'district' and ST_Contains(a.geom, s.location)
          order by s.code`,
    )
    const src = readReferenceSources(PUBLIC_DIR)
    const expected = src.airStations.map((s) => {
      const point = s.geometry.coordinates as [number, number]
      const district = src.districts.find((d) =>
        pointInMultiPolygon(point, d.geometry.coordinates as number[][][][]),
      )
      return { code: s.properties.station_code, district: district?.properties.adcode }
    })
    expect(rows).toHaveLength(9)
    expect(rows).toEqual(expected.sort((a, b) => a.code.localeCompare(b.code)))
  })

  it('loads the road network stand-in: the 2,594 non-overlapping bus links', async () => {
    expect(await count('road_segments')).toBe(2594)
    expect(await count('road_segments', "road_class = 'arterial'")).toBe(90)
  })

  it('loads rivers and the department list', async () => {
    expect(await count('rivers')).toBe(29)
    expect(await count('departments')).toBe(DEPARTMENTS.length)
  })

  it('adds nothing when reference data is loaded again (restart)', async () => {
    const again = await prepareDatabase(t.handle, PUBLIC_DIR)
    expect(again).toEqual({
      adminAreas: 0,
      townships: 0,
      rivers: 0,
      stations: 0,
      departments: 0,
      roadSegments: 0,
    })
    expect(await count('admin_areas')).toBe(13)
    expect(await count('stations')).toBe(9)
  })
})
