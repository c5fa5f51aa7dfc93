import type { LineString, LngLat } from './geometry'

// Mean Earth radius (IUGG); haversine is within ~0.5 % of the ellipsoid, plenty for
// weighting road segments and sanity-checking datum offsets.
export const EARTH_RADIUS_M = 6_371_008.8

const toRad = (deg: number): number => (deg * Math.PI) / 180

/** Great-circle distance in metres between two [lng, lat] positions. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const dLat = toRad(b[1] - a[1])
  const dLng = toRad(b[0] - a[0])
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Length in metres along a LineString. */
export function lineStringLengthM(line: LineString): number {
  let total = 0
  for (let i = 1; i < line.coordinates.length; i++) {
    const prev = line.coordinates[i - 1]
    const next = line.coordinates[i]
    if (prev && next) total += distanceMeters(prev, next)
  }
  return total
}
