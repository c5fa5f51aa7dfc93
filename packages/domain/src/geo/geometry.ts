import { z } from 'zod'

// RFC 7946 GeoJSON, WGS84 (EPSG:4326) only; positions are [lng, lat] with no altitude,
// because nothing in cityops carries one and 2-tuples keep the types exact.
export const Longitude = z.number().min(-180).max(180)
export const Latitude = z.number().min(-90).max(90)

export const LngLat = z.tuple([Longitude, Latitude])
export type LngLat = z.infer<typeof LngLat>

export const Point = z.object({ type: z.literal('Point'), coordinates: LngLat })
export type Point = z.infer<typeof Point>

export const LineString = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(LngLat).min(2),
})
export type LineString = z.infer<typeof LineString>

// RFC 7946 §3.1.6: a linear ring has at least four positions and is closed.
export const LinearRing = z
  .array(LngLat)
  .min(4)
  .refine((ring) => samePosition(ring[0], ring[ring.length - 1]), {
    message: 'A linear ring must be closed (first position equals last)',
  })
export type LinearRing = z.infer<typeof LinearRing>

export const Polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(LinearRing).min(1),
})
export type Polygon = z.infer<typeof Polygon>

function samePosition(a: LngLat | undefined, b: LngLat | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1]
}

/** Builds a validated GeoJSON Point; throws a ZodError on out-of-range input. */
export function point(lng: number, lat: number): Point {
  return Point.parse({ type: 'Point', coordinates: [lng, lat] })
}
