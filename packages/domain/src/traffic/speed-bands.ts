import type { RoadClass } from '../road-segment'
import type { CongestionLevel } from '../traffic-reading'
import { DomainError } from '../errors'

// GB/T 33171-2016 segment speed thresholds in km/h, as tabled in DOMAIN.md §2.6
// [C: hanspub paper; standard text not read]. Each row lists the lower bounds of levels 1–4
// (exclusive): v > t[0] → 1 畅通, t[1] < v ≤ t[0] → 2, …, v ≤ t[3] → 5 严重拥堵.
export const SEGMENT_SPEED_BANDS_KMH = {
  expressway: [65, 50, 35, 20],
  arterial: [40, 30, 20, 15],
  secondary: [35, 25, 15, 10],
  branch: [35, 25, 15, 10], // 次干路、支路 share one row
} as const satisfies Record<RoadClass, readonly [number, number, number, number]>

/** Segment congestion level 1 (畅通) … 5 (严重拥堵) from its mean speed and road class. */
export function congestionLevel(speedKmh: number, roadClass: RoadClass): CongestionLevel {
  if (!Number.isFinite(speedKmh) || speedKmh < 0) {
    throw new DomainError('VALIDATION', `Speed must be a finite number ≥ 0, got ${speedKmh}`)
  }
  const [t1, t2, t3, t4] = SEGMENT_SPEED_BANDS_KMH[roadClass]
  if (speedKmh > t1) return 1
  if (speedKmh > t2) return 2
  if (speedKmh > t3) return 3
  if (speedKmh > t4) return 4
  return 5
}
