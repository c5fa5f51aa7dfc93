import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { ingestTraffic } from '../services/ingest/ingest-traffic'
import { HOUR_MS, linkSpeed, type Disruption, type RoadLink, type Rng } from './models'

export const SIMULATOR_SOURCE = 'simulator'

// [U] A crash slows traffic for about an hour within ~600 m, most at the spot.
const DISRUPTION_RADIUS_M = 600
const DISRUPTION_SEVERITY = 0.6

/**
 * Every link's speed at each instant in `times` (whole minutes or hours), with the traffic
 * accidents of the hour before each instant as disruptions, written by ONE `ingestTraffic`
 * call. Its idempotency key (source, segment, time) makes a repeated instant a no-op.
 */
export async function writeTraffic(
  db: Database,
  links: readonly RoadLink[],
  times: readonly Date[],
  rng: Rng,
  now: Date,
) {
  const first = times[0]
  const last = times.at(-1)
  if (first === undefined || last === undefined) return null
  const disruptions = await accidentsBetween(db, new Date(first.getTime() - HOUR_MS), last)
  const readings = times.flatMap((at) =>
    links.map((link) => ({
      segmentId: link.id,
      observedAt: at.toISOString(),
      speedKmh: linkSpeed(link, at, rng, { disruptions }).speedKmh,
    })),
  )
  return ingestTraffic(db, { source: SIMULATOR_SOURCE, readings }, now)
}

/**
 * Traffic accidents from the incidents table, whoever reported them, so an operator's
 * incident slows the map too. Each lasts an hour from its report. Reports at `to` itself
 * are left out: whether a tick at exactly `to` has created them yet depends on the rhythm.
 */
async function accidentsBetween(db: Database, from: Date, to: Date): Promise<Disruption[]> {
  const rows = await queryRows<{ lng: number; lat: number; reported_at: string | Date }>(
    db,
    sql`select ST_X(location) as lng, ST_Y(location) as lat, reported_at from incidents
        where category = 'trafficAccident'
          and reported_at > ${from.toISOString()}::timestamptz
          and reported_at < ${to.toISOString()}::timestamptz
        order by reported_at, id`,
  )
  return rows.map((r) => {
    const start = new Date(r.reported_at)
    return {
      position: [Number(r.lng), Number(r.lat)],
      start,
      end: new Date(start.getTime() + HOUR_MS),
      radiusM: DISRUPTION_RADIUS_M,
      severity: DISRUPTION_SEVERITY,
    }
  })
}
