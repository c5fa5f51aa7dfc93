import type { RoadClass } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { appendAudit } from '../../audit/append-audit'
import { StartupError } from '../../startup/startup-error'
import type { Database, Tx } from '../client'
import { queryRows } from '../query-rows'
import { roadSegments } from '../schema'
import type { ParsedRoadNetwork } from './road-import'
import { insertRoadSegments } from './road-network'

export interface RoadNetworkSummary {
  previous: number
  segments: number
  /** Segments entirely outside the city outline, left out. */
  outside: number
  byClass: Record<RoadClass, { segments: number; km: number }>
  km: number
  readingsDeleted: number
}

/**
 * Replaces the whole road network in ONE transaction: a refusal (nothing in Zhengzhou, a
 * database error) leaves the old network as it was. traffic_readings.segment_id has no
 * foreign key: readings of segment ids the new network keeps stay (same id = same road, so
 * re-importing an updated file keeps their history); readings of ids that are gone are deleted,
 * or a later network reusing such an id would inherit another road's speeds. The event log is
 * left alone (it is history and ages out); running BFFs must restart to use the new network.
 */
export function replaceRoadNetwork(
  db: Database,
  network: ParsedRoadNetwork,
  provenance: { file: string; sha256: string },
  now: Date,
): Promise<RoadNetworkSummary> {
  return db.transaction(async (tx) => {
    const previous = await tx.$count(roadSegments)
    await tx.delete(roadSegments)
    const inserted = await insertRoadSegments(tx, network.segments)
    const outside = await queryRows<{ id: string }>(
      tx,
      sql`delete from road_segments r where not exists (select 1 from admin_areas a
            where a.level = 'city' and ST_Intersects(a.geom, r.geom)) returning r.id`,
    )
    if (inserted === outside.length)
      throw new StartupError(
        `none of the ${inserted} road lines lies in Zhengzhou: is the file in longitude/latitude (WGS84, or GCJ-02 / BD-09 with --crs)? Nothing was imported.`,
      )
    const deleted = await queryRows<{ n: number }>(
      tx,
      sql`with gone as (delete from traffic_readings t where not exists
            (select 1 from road_segments r where r.id = t.segment_id) returning 1)
          select count(*)::int as n from gone`,
    )
    const summary = await summarize(tx, previous, outside.length, Number(deleted[0]?.n ?? 0))
    await appendAudit(
      tx,
      {
        actorId: null,
        role: null,
        address: null,
        action: 'roadNetwork.import',
        objectType: 'roadNetwork',
        objectId: 'road_segments',
        outcome: 'success',
        before: { segments: previous },
        after: { ...summary, ...provenance, features: network.features, skipped: network.skipped },
      },
      now,
    )
    return summary
  })
}

async function summarize(
  tx: Tx,
  previous: number,
  outside: number,
  readingsDeleted: number,
): Promise<RoadNetworkSummary> {
  const rows = await queryRows<{ road_class: string; n: number; m: number }>(
    tx,
    sql`select road_class, count(*)::int as n, sum(length_m)::float8 as m
        from road_segments group by road_class`,
  )
  const of = (c: RoadClass) => {
    const row = rows.find((r) => r.road_class === c)
    return { segments: Number(row?.n ?? 0), km: Number(row?.m ?? 0) / 1000 }
  }
  const byClass = {
    expressway: of('expressway'),
    arterial: of('arterial'),
    secondary: of('secondary'),
    branch: of('branch'),
  } satisfies RoadNetworkSummary['byClass']
  const list = Object.values(byClass)
  return {
    previous,
    segments: list.reduce((sum, c) => sum + c.segments, 0),
    outside,
    byClass,
    km: list.reduce((sum, c) => sum + c.km, 0),
    readingsDeleted,
  }
}
