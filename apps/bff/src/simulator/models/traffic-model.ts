import { congestionLevel, distanceMeters } from '@cityops/domain'
import type { CongestionLevel, LngLat, RoadClass } from '@cityops/domain'
import { bump, isWeekday, localHourOfDay } from './local-time'
import { valueNoise } from './rng'
import type { Rng } from './rng'

export interface RoadLink {
  id: string
  roadClass: RoadClass
  lengthM: number
  freeFlowKmh?: number
  /** Midpoint of the link; links without one are never slowed by disruptions. */
  position?: LngLat
}

export interface Disruption {
  position: LngLat
  start: Date
  end: Date
  radiusM: number
  /** Share of speed lost at the centre, 0–1; falls off linearly to 0 at the radius. */
  severity?: number
}

export interface TrafficOptions {
  disruptions?: readonly Disruption[]
  /** Override for statutory holidays and 调休 make-up days; defaults to Mon–Fri. */
  isWorkday?: (at: Date) => boolean
}

export interface LinkSpeed {
  linkId: string
  roadClass: RoadClass
  lengthM: number
  speedKmh: number
  freeFlowKmh: number
  congestionLevel: CongestionLevel
}

// [U] Typical free-flow speeds for CJJ 37 design speeds (快速路 60–100, 主干路 40–60,
// 次干路 30–50, 支路 20–40 km/h) under urban signal control.
export const FREE_FLOW_KMH = {
  expressway: 70,
  arterial: 50,
  secondary: 40,
  branch: 30,
} as const satisfies Record<RoadClass, number>

// Share of free-flow speed lost at full demand. Branch roads carry less through traffic,
// so they sag less in relative terms [U].
export const PEAK_DEPTH = {
  expressway: 0.58,
  arterial: 0.52,
  secondary: 0.45,
  branch: 0.36,
} as const satisfies Record<RoadClass, number>

const DEFAULT_SEVERITY = 0.6
const NOISE_STEP_MS = 15 * 60_000 // speed wanders on a ~15-minute scale
const NOISE_SD = 0.07 // in log-speed
const MIN_SPEED_KMH = 3

/**
 * Demand 0 (empty night streets) … ~1 (worst evening peak). Weekdays: 07:00–09:00 and a
 * deeper 17:00–19:30 peak; weekends: later start, a midday bump and a mild evening [U].
 */
export function trafficDemand(hour: number, isWorkday: boolean): number {
  const dayOn = 1 / (1 + Math.exp(-(hour - (isWorkday ? 6.5 : 8.5)) / 0.5))
  const dayOff = 1 / (1 + Math.exp((hour - 22) / 0.6))
  const plateau = (isWorkday ? 0.42 : 0.38) * dayOn * dayOff
  if (isWorkday) return plateau + 0.42 * bump(hour, 8, 0.7) + 0.55 * bump(hour, 18.2, 0.9)
  return plateau + 0.22 * bump(hour, 12, 1.6) + 0.2 * bump(hour, 17.5, 1.2)
}

/** Speed on one link at an instant; a pure function of (rng.seed, link, at, options). */
export function linkSpeed(
  link: RoadLink,
  at: Date,
  rng: Rng,
  options: TrafficOptions = {},
): LinkSpeed {
  const freeFlowKmh = link.freeFlowKmh ?? FREE_FLOW_KMH[link.roadClass]
  const isWorkday = options.isWorkday?.(at) ?? isWeekday(at)
  // Some links are chronic bottlenecks: a fixed per-link sensitivity to demand.
  const linkRng = rng.fork(`link:${link.id}`)
  const sensitivity = Math.min(1.4, Math.max(0.6, Math.exp(linkRng.normal(0, 0.15))))
  const depth = Math.min(0.85, PEAK_DEPTH[link.roadClass] * sensitivity)
  const demand = trafficDemand(localHourOfDay(at), isWorkday)
  const wander = Math.exp(
    NOISE_SD * valueNoise(rng, `link:${link.id}`, at.getTime(), NOISE_STEP_MS),
  )
  const raw = freeFlowKmh * (1 - depth * demand) * wander * disruptionFactor(link, at, options)
  const speedKmh = Math.round(Math.max(MIN_SPEED_KMH, raw) * 10) / 10
  return {
    linkId: link.id,
    roadClass: link.roadClass,
    lengthM: link.lengthM,
    speedKmh,
    freeFlowKmh,
    congestionLevel: congestionLevel(speedKmh, link.roadClass),
  }
}

export function networkSpeeds(
  links: readonly RoadLink[],
  at: Date,
  rng: Rng,
  options: TrafficOptions = {},
): LinkSpeed[] {
  return links.map((link) => linkSpeed(link, at, rng, options))
}

// Overlapping disruptions multiply: two crashes on one block are worse than one.
function disruptionFactor(link: RoadLink, at: Date, options: TrafficOptions): number {
  const position = link.position
  if (position === undefined) return 1
  let factor = 1
  for (const d of options.disruptions ?? []) {
    if (at < d.start || at >= d.end || d.radiusM <= 0) continue
    const distance = distanceMeters(position, d.position)
    if (distance >= d.radiusM) continue
    const severity = Math.min(1, Math.max(0, d.severity ?? DEFAULT_SEVERITY))
    factor *= 1 - severity * (1 - distance / d.radiusM)
  }
  return factor
}
