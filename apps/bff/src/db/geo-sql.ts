import { sql, type AnyColumn, type SQL } from 'drizzle-orm'

// The one place GeoJSON crosses into PostGIS and back. Everything stored is WGS84 (SRID 4326).

export interface GeoJsonGeometry {
  type: string
  coordinates: unknown
}

const fromGeoJson = (g: GeoJsonGeometry) =>
  sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}::text), 4326)`

/** Polygons are repaired (some source outlines self-intersect) and always stored as Multi. */
export const multiPolygonFromGeoJson = (g: GeoJsonGeometry): SQL =>
  sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(${fromGeoJson(g)}), 3))`

export const multiLineFromGeoJson = (g: GeoJsonGeometry): SQL => sql`ST_Multi(${fromGeoJson(g)})`

export const pointFromLngLat = (lng: number, lat: number): SQL =>
  sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`

/** GeoJSON geometry text with 6 decimals (~0.1 m), enough for every layer we draw. */
export const asGeoJson = (column: AnyColumn): SQL<string> => sql<string>`ST_AsGeoJSON(${column}, 6)`
