// An oracle independent of PostGIS: even-odd ray casting over GeoJSON rings, to check
// that what the database stored and answers matches the source files.
type Ring = number[][]

export function pointInMultiPolygon(point: [number, number], polygons: Ring[][]): boolean {
  return polygons.some((rings) => rings.filter((ring) => inRing(point, ring)).length % 2 === 1)
}

function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? []
    const [xj = 0, yj = 0] = ring[j] ?? []
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
