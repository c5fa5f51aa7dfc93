import type { AreaFeatureCollection } from '@cityops/domain'

type Ring = [number, number][]

const isRing = (v: unknown): v is Ring =>
  Array.isArray(v) &&
  v.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')

/** The outer rings of a Polygon or MultiPolygon's coordinates. */
function outerRings(type: string, coordinates: unknown): Ring[] {
  if (!Array.isArray(coordinates)) return []
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates
  return polygons.flatMap((poly) => (Array.isArray(poly) && isRing(poly[0]) ? [poly[0]] : []))
}

/** Signed area and centroid of a ring (shoelace formula, in degrees; fine at city scale). */
function ringCentroid(ring: Ring): { area: number; at: [number, number] } {
  let a = 0
  let x = 0
  let y = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number]
    const [x1, y1] = ring[i + 1] as [number, number]
    const cross = x0 * y1 - x1 * y0
    a += cross
    x += (x0 + x1) * cross
    y += (y0 + y1) * cross
  }
  if (a === 0) return { area: 0, at: ring[0] ?? [0, 0] }
  return { area: Math.abs(a / 2), at: [x / (3 * a), y / (3 * a)] }
}

/**
 * Where an area's proportional symbol (and, without fact points, its heat) is drawn: the
 * centroid of its largest part, so a district with an exclave gets one symbol on its body.
 */
export function areaLabelPoints(areas: AreaFeatureCollection): Map<string, [number, number]> {
  const points = new Map<string, [number, number]>()
  for (const f of areas.features) {
    const parts = outerRings(f.geometry.type, f.geometry.coordinates).map(ringCentroid)
    const largest = parts.sort((p, q) => q.area - p.area)[0]
    if (largest) points.set(f.properties.code, largest.at)
  }
  return points
}

export const MAX_SYMBOL_RADIUS = 36

/** Circle radius ∝ √value, so a circle's area is proportional to the value. */
export function symbolRadius(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0
  return MAX_SYMBOL_RADIUS * Math.sqrt(value / max)
}
