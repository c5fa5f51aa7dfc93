import { distanceMeters, type LngLat } from '@cityops/domain'
import type { CityGeography } from './city-geography'
import type { PointSampler, Rng } from './models'
import { CORE_CENTRE, CORE_RADIUS_M, createPointSampler } from './point-sampler'

const ATTEMPTS = 40

/**
 * Where 数字城管 reports come from. [U] Inspectors (监督员) are organised per 街道, so area
 * reports are spread evenly over the core townships (not per km²): pick a township whose
 * polygon lies mostly in the core, then a point inside it. Street-furniture reports ('road')
 * and townships without a polygon fall back to the incidents' sampler.
 */
export function createCasePointSampler(geo: CityGeography): PointSampler {
  const fallback = createPointSampler(geo)
  const core = geo.townships.codes.filter((code) => {
    const box = geo.townships.bboxOf(code)
    if (!box) return false
    const centre: LngLat = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]
    return distanceMeters(centre, CORE_CENTRE) <= CORE_RADIUS_M
  })
  return (kind, rng) => {
    if (kind === 'road' || core.length === 0) return fallback(kind, rng)
    const code = core[rng.int(core.length)] ?? ''
    return pointIn(geo, code, rng) ?? fallback(kind, rng)
  }
}

function pointIn(geo: CityGeography, code: string, rng: Rng): LngLat | null {
  const [minX, minY, maxX, maxY] = geo.townships.bboxOf(code) ?? [0, 0, 0, 0]
  for (let i = 0; i < ATTEMPTS; i++) {
    const p: LngLat = [
      round6(minX + (maxX - minX) * rng.next()),
      round6(minY + (maxY - minY) * rng.next()),
    ]
    if (geo.townships.contains(code, p) && geo.districts.codeAt(p) !== null) return p
  }
  return null
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6
