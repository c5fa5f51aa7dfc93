import { congestionLevel, TrafficReading, type RoadClass } from '@cityops/domain'
import { inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database, Tx } from '../../db/client'
import { unnestRows } from '../../db/unnest-rows'
import { roadSegments } from '../../db/schema'
import { appendComputedEvents } from '../../live/append-computed-events'
import {
  BatchItems,
  BatchSource,
  firstOfEachKey,
  storedOrDuplicate,
  summarize,
  validateItems,
} from './batch'

export const TrafficBatch = z.object({ source: BatchSource, readings: BatchItems })
// The congestion level is ours to compute (GB/T 33171 bands by road class), not the sender's.
const IncomingTrafficReading = TrafficReading.omit({ congestionLevel: true })

/** One reading as the insert statement reads it. */
interface Row {
  index: number
  segment_id: string
  observed_at: string
  speed_kmh: number
  congestion_level: number
}

/** Like environment ingestion: idempotent on (source, segment, time), one transaction. */
export async function ingestTraffic(db: Database, batch: z.infer<typeof TrafficBatch>, now: Date) {
  const { valid, results } = validateItems(batch.readings, IncomingTrafficReading)
  return db.transaction(async (tx) => {
    const ids = [...new Set(valid.map((v) => v.item.segmentId))]
    const segments = ids.length
      ? await tx
          .select({ id: roadSegments.id, roadClass: roadSegments.roadClass })
          .from(roadSegments)
          .where(inArray(roadSegments.id, ids))
      : []
    const roadClass = new Map(segments.map((s) => [s.id, s.roadClass as RoadClass]))
    const rows: Row[] = []
    for (const { index, item } of valid) {
      const road = roadClass.get(item.segmentId)
      if (!road) {
        results.push({
          index,
          status: 'invalid',
          error: `未知路段 ${item.segmentId} / Unknown road segment ${item.segmentId}`,
        })
        continue
      }
      rows.push({
        index,
        segment_id: item.segmentId,
        observed_at: new Date(item.observedAt).toISOString(),
        speed_kmh: item.speedKmh,
        congestion_level: congestionLevel(item.speedKmh, road),
      })
    }
    const { unique, repeats } = firstOfEachKey(rows, (r) => `${r.segment_id}|${r.observed_at}`)
    results.push(...repeats)
    const storedIndexes = unique.length ? await storeWithEvents(tx, batch.source, unique, now) : []
    results.push(...storedOrDuplicate(unique, storedIndexes))
    return summarize(results)
  })
}

/**
 * Inserts the rows (ON CONFLICT DO NOTHING) and moves each segment to its newest new reading
 * in one set-based UPDATE (a per-segment UPDATE holds PGlite for seconds), with one event per
 * segment moved. A segment that only got an older reading late keeps it in history, not in
 * live state. Returns the indexes of the rows actually stored.
 */
async function storeWithEvents(tx: Tx, source: string, rows: Row[], now: Date) {
  const { result } = await appendComputedEvents<number[]>(
    tx,
    {
      with: [
        sql`input as (
          select i.*, i.observed_iso::timestamptz as observed_at
          from ${unnestRows(rows, 'i', {
            index: ['integer', (r) => r.index],
            segment_id: ['text', (r) => r.segment_id],
            observed_iso: ['text', (r) => r.observed_at],
            speed_kmh: ['double precision', (r) => r.speed_kmh],
            congestion_level: ['integer', (r) => r.congestion_level],
          })})`,
        sql`ins as (
          insert into traffic_readings (source, segment_id, observed_at, speed_kmh, congestion_level)
          select ${source}, segment_id, observed_at, speed_kmh, congestion_level from input
          on conflict do nothing
          returning segment_id, observed_at)`,
        sql`stored as (
          select i.*, count(*) over (partition by i.segment_id) as n,
            row_number() over (partition by i.segment_id order by i.observed_at desc) as newness
          from input i join ins using (segment_id, observed_at))`,
        sql`moved as (
          update road_segments s
          set speed_kmh = r.speed_kmh, congestion_level = r.congestion_level,
            observed_at = r.observed_at, version = s.version + 1
          from stored r
          where r.newness = 1 and s.id = r.segment_id
            and (s.observed_at is null or s.observed_at <= r.observed_at)
          returning s.id, s.version,
            ST_AsGeoJSON(ST_LineInterpolatePoint(s.geom, 0.5), 6)::json -> 'coordinates' as mid)`,
      ],
      events: sql`select 'traffic' as topic, 'trafficReading.recorded' as type,
          m.id as entity_id, m.version,
          jsonb_build_object('segmentId', r.segment_id, 'speedKmh', r.speed_kmh,
            'congestionLevel', r.congestion_level, 'observedAt', r.observed_iso,
            'readings', r.n) as data,
          null::jsonb as departments, (m.mid ->> 0)::double precision as lng,
          (m.mid ->> 1)::double precision as lat, m.id as ord
        from stored r join moved m on m.id = r.segment_id
        where r.newness = 1`,
      result: sql`(select coalesce(json_agg(index), '[]'::json) from stored)`,
    },
    now,
  )
  return result
}
