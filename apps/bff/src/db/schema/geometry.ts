import { customType } from 'drizzle-orm/pg-core'

// One column type for every geometry: drizzle's built-in `geometry` models points only
// and drizzle-kit drops its SRID. Values are written with `geoJsonToGeometry` and read
// with `geometryAsGeoJson` (db/geo-sql.ts): GeoJSON in, GeoJSON out, always SRID 4326.
type GeometryKind = 'MultiPolygon' | 'MultiLineString' | 'LineString' | 'Point'

export const geometryOf = (kind: GeometryKind) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `geometry(${kind}, 4326)`,
  })
