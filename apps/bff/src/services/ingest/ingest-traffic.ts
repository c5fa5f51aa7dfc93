import { congestionLevel, TrafficReading, type RoadClass } from '@cityops/domain'
import { inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { roadSegments, trafficReadings } from '../../db/schema'
import { appendEvents, type NewEvent } from '../../live/append-events'
import {
  BatchItems,
  BatchSource,
  insertInSlices,
  splitStored,
  summarize,
  validateItems,
} from './batch'

export const TrafficBatch = z.object({ source: BatchSource, readings: BatchItems })
// The congestion level is ours to compute (GB/T 33171 bands by road class), not the sender's.
const IncomingTrafficReading = TrafficReading.omit({ congestionLevel: true })

type Row = typeof trafficReadings.$inferInsert & { index: number }

/** Like environment ingestion: idempotent on (source, segment, time), one transaction. */
export async function ingestTraffic(db: Database, batch: z.infer<typeof TrafficBatch>, now: Date) {
  const { valid, results } = validateItems(batch.readings, IncomingTrafficReading)
  return db.transaction(async (tx) => {
    const ids = [...new Set(valid.map((v) => v.item.segmentId))]
    const segments = ids.length
      ? await tx
          .select({
            id: roadSegments.id,
            roadClass: roadSegments.roadClass,
            mid: sql<string>`ST_AsGeoJSON(ST_LineInterpolatePoint(${roadSegments.geom}, 0.5), 6)`,
          })
          .from(roadSegments)
          .where(inArray(roadSegments.id, ids))
      : []
    const byId = new Map(segments.map((s) => [s.id, s]))
    const rows: Row[] = []
    for (const { index, item } of valid) {
      const segment = byId.get(item.segmentId)
      if (!segment) {
        results.push({
          index,
          status: 'invalid',
          error: `未知路段 ${item.segmentId} / Unknown road segment ${item.segmentId}`,
        })
        continue
      }
      const level = congestionLevel(item.speedKmh, segment.roadClass as RoadClass)
      rows.push({
        index,
        source: batch.source,
        segmentId: item.segmentId,
        observedAt: new Date(item.observedAt),
        speedKmh: item.speedKmh,
        congestionLevel: level,
      })
    }
    const inserted = await insertInSlices(rows, (slice) =>
      tx
        .insert(trafficReadings)
        .values(slice.map(({ index: _i, ...r }) => r))
        .onConflictDoNothing()
        .returning({
          segmentId: trafficReadings.segmentId,
          observedAt: trafficReadings.observedAt,
        }),
    )
    const key = (r: { segmentId: string; observedAt: Date }) =>
      `${r.segmentId}|${r.observedAt.getTime()}`
    const split = splitStored(rows, new Set(inserted.map(key)), key)
    results.push(...split.results)
    const stored = split.stored
    await applyLatest(tx, stored, (id) => byId.get(id)?.mid ?? null, now)
    return summarize(results)
  })
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

async function applyLatest(
  tx: Tx,
  stored: Row[],
  midpoint: (id: string) => string | null,
  now: Date,
) {
  const newest = new Map<string, Row>()
  const counts = new Map<string, number>()
  for (const r of stored) {
    counts.set(r.segmentId, (counts.get(r.segmentId) ?? 0) + 1)
    const seen = newest.get(r.segmentId)
    if (!seen || seen.observedAt < r.observedAt) newest.set(r.segmentId, r)
  }
  // One set-based UPDATE for the whole batch: a per-segment UPDATE holds PGlite for seconds.
  const changes = [...newest.values()].map((r) => ({
    id: r.segmentId,
    speed: r.speedKmh,
    level: r.congestionLevel,
    at: r.observedAt.toISOString(),
  }))
  const updated = changes.length
    ? await queryRows<{ id: string; version: number }>(
        tx,
        sql`update road_segments s
            set speed_kmh = r.speed, congestion_level = r.level, observed_at = r.at, version = s.version + 1
            from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
              as r(id text, speed double precision, level int, at timestamptz)
            where s.id = r.id and (s.observed_at is null or s.observed_at <= r.at)
            returning s.id, s.version`,
      )
    : [] // a segment missing here got an older reading late: kept in history, not live state
  const events: NewEvent[] = updated.flatMap(({ id, version }) => {
    const r = newest.get(id)
    if (!r) return []
    const mid = midpoint(id)
    const coords = mid ? (JSON.parse(mid) as { coordinates: [number, number] }).coordinates : null
    return [
      {
        topic: 'traffic' as const,
        type: 'trafficReading.recorded',
        entityId: id,
        version: Number(version),
        data: {
          segmentId: id,
          speedKmh: r.speedKmh,
          congestionLevel: r.congestionLevel,
          observedAt: r.observedAt.toISOString(),
          readings: counts.get(id) ?? 1,
        },
        location: coords,
      },
    ]
  })
  await appendEvents(tx, events, now)
}
