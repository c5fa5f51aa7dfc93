import type { LngLat } from '@cityops/domain'
import { z } from 'zod'

// District polygons in memory: the point sampler must be synchronous (the models call it),
// and titles need the district of every generated call without a query each.

const MultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()]).rest(z.number())))),
})
type Ring = readonly (readonly number[])[]

interface District {
  code: string
  name: string
  polygons: Ring[][]
  bbox: [number, number, number, number]
}

export interface DistrictIndex {
  codes: readonly string[]
  codeAt(point: LngLat): string | null
  nameOf(code: string): string | null
  bboxOf(code: string): readonly [number, number, number, number] | null
  contains(code: string, point: LngLat): boolean
}

export function createDistrictIndex(
  rows: readonly { code: string; name: string; geometry: string }[],
): DistrictIndex {
  const districts = rows.map((r): District => {
    const polygons = MultiPolygon.parse(JSON.parse(r.geometry)).coordinates
    const points = polygons.flat(2)
    const xs = points.map((p) => p[0])
    const ys = points.map((p) => p[1])
    const bbox: District['bbox'] = [
      Math.min(...xs),
      Math.min(...ys),
      Math.max(...xs),
      Math.max(...ys),
    ]
    return { code: r.code, name: r.name, polygons, bbox }
  })
  const byCode = new Map(districts.map((d) => [d.code, d]))
  const contains = (d: District, p: LngLat) =>
    p[0] >= d.bbox[0] && p[0] <= d.bbox[2] && p[1] >= d.bbox[1] && p[1] <= d.bbox[3] && inside(p, d)
  return {
    codes: districts.map((d) => d.code),
    codeAt: (p) => districts.find((d) => contains(d, p))?.code ?? null,
    nameOf: (code) => byCode.get(code)?.name ?? null,
    bboxOf: (code) => byCode.get(code)?.bbox ?? null,
    contains: (code, p) => {
      const d = byCode.get(code)
      return d !== undefined && contains(d, p)
    },
  }
}

// Even-odd rule over each polygon's rings (outer ring and holes alike).
function inside(point: LngLat, d: District): boolean {
  return d.polygons.some((rings) => rings.filter((ring) => inRing(point, ring)).length % 2 === 1)
}

function inRing([x, y]: LngLat, ring: Ring): boolean {
  let isInside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? []
    const [xj = 0, yj = 0] = ring[j] ?? []
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) isInside = !isInside
  }
  return isInside
}
