import { distanceMeters, type LngLat } from '@cityops/domain'
import type { CityGeography } from './city-geography'
import type { PointSampler, Rng } from './models'

// [U] Most calls on a command map come from the built-up core: within ~12 km of 二七广场,
// in the districts of the city proper (上街区 is an exclave 30 km west, left out).
export const CORE_CENTRE: LngLat = [113.6654, 34.7534]
export const CORE_RADIUS_M = 12_000
const CORE_DISTRICTS = ['410102', '410103', '410104', '410105', '410108']
const ATTEMPTS = 40

/**
 * 'road': the midpoint of a random road link (inside Zhengzhou); 'area': a random point in
 * a random core district, within the core radius. Deterministic in the rng it is given.
 */
export function createPointSampler(geo: CityGeography): PointSampler {
  const core = CORE_DISTRICTS.filter((code) => geo.districts.bboxOf(code) !== null)
  const nearCore = geo.roadPoints.filter(
    (p) => distanceMeters(p.position, CORE_CENTRE) <= CORE_RADIUS_M,
  )
  const roads = nearCore.length > 0 ? nearCore : geo.roadPoints
  const onRoad = (rng: Rng): LngLat => {
    const point = roads[rng.int(roads.length)]
    if (point === undefined) throw new Error('the road network is empty: nothing to simulate on')
    return point.position
  }
  return (kind, rng) => {
    if (kind === 'road' || core.length === 0) return onRoad(rng)
    const code = core[rng.int(core.length)] ?? ''
    const [minX, minY, maxX, maxY] = geo.districts.bboxOf(code) ?? [0, 0, 0, 0]
    for (let i = 0; i < ATTEMPTS; i++) {
      const p: LngLat = [
        round6(minX + (maxX - minX) * rng.next()),
        round6(minY + (maxY - minY) * rng.next()),
      ]
      if (distanceMeters(p, CORE_CENTRE) <= CORE_RADIUS_M && geo.districts.contains(code, p))
        return p
    }
    return onRoad(rng) // a district barely touching the core: fall back to a street
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6
