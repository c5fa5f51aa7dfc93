import {
  ARTERIAL_SPEED_TARGET_KMH,
  arterialAverageSpeed,
  isArterialSpeedTargetMet,
  networkTrafficIndex,
  ROAD_CLASSES,
  trafficIndexBand,
  type RoadClass,
  type SegmentSpeedSample,
  type WallTrafficKpis,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

// A segment whose latest reading is this much older than the network's newest one has
// stopped reporting: it would pin the index to a stale state, so it is left out.
export const TRAFFIC_FRESH_MINUTES = 15

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

const isRoadClass = (value: string): value is RoadClass =>
  (ROAD_CLASSES as readonly string[]).includes(value)

/**
 * Network TPI (GB/T 33171 segment levels → 0–10, domain networkTrafficIndex) and the arterial
 * space-mean speed against the plan's 40 km/h, from each segment's latest reading.
 */
export async function trafficKpis(tx: Executor): Promise<z.infer<typeof WallTrafficKpis>> {
  const rows = await queryRows<{
    road_class: string
    length_m: number
    speed_kmh: number
    observed_at: string | Date
  }>(
    tx,
    sql`select road_class, length_m, speed_kmh, observed_at from road_segments
        where speed_kmh is not null and observed_at >
          (select max(observed_at) from road_segments)
            - ${`${TRAFFIC_FRESH_MINUTES} minutes`}::interval`,
  )
  const samples: SegmentSpeedSample[] = rows.flatMap((r) => {
    const speedKmh = Number(r.speed_kmh)
    if (!isRoadClass(r.road_class) || !(speedKmh >= 0 && speedKmh <= 250)) return []
    return [{ roadClass: r.road_class, lengthM: Number(r.length_m), speedKmh }]
  })
  // rounded as shown, and the band and target judged on the shown value, so they agree
  const tpi = round1(samples.length > 0 ? networkTrafficIndex(samples) : null)
  const arterial = round1(samples.length > 0 ? arterialAverageSpeed(samples) : null)
  const newest = rows.reduce<number | null>((max, r) => {
    const ms = new Date(r.observed_at).getTime()
    return max === null || ms > max ? ms : max
  }, null)
  return {
    tpi,
    tpiLevel: tpi === null ? null : trafficIndexBand(tpi).level,
    arterialSpeedKmh: arterial,
    arterialSpeedTargetKmh: ARTERIAL_SPEED_TARGET_KMH,
    isArterialTargetMet: arterial === null ? null : isArterialSpeedTargetMet(arterial),
    segments: samples.length,
    observedAt: newest === null ? null : new Date(newest).toISOString(),
  }
}
