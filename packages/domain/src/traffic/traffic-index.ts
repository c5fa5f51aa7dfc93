import { z } from 'zod'
import { parseOrThrow, DomainError } from '../errors'
import { ROAD_CLASSES } from '../road-segment'
import { CONGESTION_LEVEL_LABELS } from '../traffic-reading'
import type { CongestionLevel } from '../traffic-reading'
import { congestionLevel } from './speed-bands'

// Traffic performance index bands, 0–10 (Beijing convention, DOMAIN.md §2.6 [V]).
// A boundary value belongs to the band above it (2.0 → 基本畅通), because the cited example
// reads "index 8.0 = 严重拥堵"; 10 stays in the top band.
export const TPI_BANDS = [
  { level: 1, min: 0, max: 2 },
  { level: 2, min: 2, max: 4 },
  { level: 3, min: 4, max: 6 },
  { level: 4, min: 6, max: 8 },
  { level: 5, min: 8, max: 10 },
] as const satisfies readonly { level: CongestionLevel; min: number; max: number }[]

export interface TrafficIndexBand {
  level: CongestionLevel
  min: number
  max: number
  zh: string
  en: string
}

export function trafficIndexBand(tpi: number): TrafficIndexBand {
  if (!Number.isFinite(tpi) || tpi < 0 || tpi > 10) {
    throw new DomainError('VALIDATION', `Traffic index must be within 0–10, got ${tpi}`)
  }
  const band = TPI_BANDS.find((b) => tpi < b.max) ?? TPI_BANDS[4]
  return { ...band, ...CONGESTION_LEVEL_LABELS[band.level] }
}

/** One segment's observation, with the length and class of the segment it was taken on. */
export const SegmentSpeedSample = z.object({
  speedKmh: z.number().min(0).max(250),
  lengthM: z.number().positive(),
  roadClass: z.enum(ROAD_CLASSES),
})
export type SegmentSpeedSample = z.infer<typeof SegmentSpeedSample>

// [U] DB11/T 785 (Beijing TPI) was not read. Our formula: each segment's GB/T 33171 level is
// mapped to a severity (level 1 → 0, 2 → 2.5, 3 → 5, 4 → 7.5, 5 → 10) and the network index is
// the length-weighted mean, so a network uniformly at level k lands in TPI band k.
export const LEVEL_SEVERITY = { 1: 0, 2: 2.5, 3: 5, 4: 7.5, 5: 10 } as const satisfies Record<
  CongestionLevel,
  number
>

/** Network TPI (0–10) from segment samples; null when there is nothing to measure. */
export function networkTrafficIndex(samples: readonly SegmentSpeedSample[]): number | null {
  const parsed = parseOrThrow(z.array(SegmentSpeedSample), samples, 'segment samples')
  let weighted = 0
  let total = 0
  for (const s of parsed) {
    weighted += s.lengthM * LEVEL_SEVERITY[congestionLevel(s.speedKmh, s.roadClass)]
    total += s.lengthM
  }
  return total > 0 ? weighted / total : null
}

// The city plan's target for the average arterial speed: "> 40 km/h".
export const ARTERIAL_SPEED_TARGET_KMH = 40

// A stopped segment would make its travel time infinite and drag the whole network to 0 km/h;
// flooring at 1 km/h keeps one jammed block from erasing the city-wide figure.
export const HARMONIC_SPEED_FLOOR_KMH = 1

/**
 * Length-weighted harmonic mean speed of arterial segments: total length / total travel time,
 * i.e. the space-mean speed a car driving every arterial once would see. The arithmetic mean
 * would over-weight fast segments. Null when no arterial samples are given.
 */
export function arterialAverageSpeed(samples: readonly SegmentSpeedSample[]): number | null {
  const parsed = parseOrThrow(z.array(SegmentSpeedSample), samples, 'segment samples')
  let length = 0
  let hours = 0
  for (const s of parsed) {
    if (s.roadClass !== 'arterial') continue
    length += s.lengthM
    hours += s.lengthM / Math.max(s.speedKmh, HARMONIC_SPEED_FLOOR_KMH)
  }
  return length > 0 ? length / hours : null
}

export function isArterialSpeedTargetMet(speedKmh: number): boolean {
  return speedKmh > ARTERIAL_SPEED_TARGET_KMH
}
