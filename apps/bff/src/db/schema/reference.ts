import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { geometryOf } from './geometry'

const multiPolygon = geometryOf('MultiPolygon')

/** County-level divisions (区/县/市) and the city outline, GB/T 2260 codes. */
export const adminAreas = pgTable(
  'admin_areas',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: ['city', 'district'] }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    parentCode: text('parent_code'),
    geom: multiPolygon('geom').notNull(),
  },
  // point-in-polygon joins (incidents → district) use this index
  (t) => [index('admin_areas_geom_gist').using('gist', t.geom)],
)

/** 乡镇/街道: NBS 2023 codes; polygons only where the legacy layer still matches. */
export const townships = pgTable(
  'townships',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    districtCode: text('district_code').notNull(),
    isCurrent: boolean('is_current').notNull(),
    geom: multiPolygon('geom'),
  },
  (t) => [
    index('townships_geom_gist').using('gist', t.geom),
    index('townships_district_idx').on(t.districtCode),
  ],
)

export const rivers = pgTable(
  'rivers',
  {
    id: text('id').primaryKey(),
    name: text('name'),
    gshhgLevel: integer('gshhg_level').notNull(),
    geom: geometryOf('MultiLineString')('geom').notNull(),
  },
  (t) => [index('rivers_geom_gist').using('gist', t.geom)],
)

export const stations = pgTable(
  'stations',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['air', 'noise', 'water'] }).notNull(),
    isBackground: boolean('is_background').notNull().default(false),
    location: geometryOf('Point')('location').notNull(),
    // latest reading, for snapshots (history in env_readings)
    latest: jsonb('latest'),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(0),
    // codes of the areas holding the station, set by a trigger (thematic map, #7)
    areaDistrict: text('area_district'),
    areaTownship: text('area_township'),
  },
  // nearest-station and bbox queries for the live layers
  (t) => [index('stations_location_gist').using('gist', t.location)],
)

export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind').notNull(),
  districtCode: text('district_code'),
  active: boolean('active').notNull().default(true),
})
