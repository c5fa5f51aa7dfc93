import { congestionLevel, TrafficReading, type RoadClass } from '@cityops/domain'
import { inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { roadSegments, trafficReadings } from '../../db/schema'
import { appendEvents, type NewEvent } from '../../live/append-events'
import { BatchItems, BatchSource, splitStored, summarize, validateItems } from './batch'

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
    const inserted = rows.length
      ? await tx
          .insert(trafficReadings)
          .values(rows.map(({ index: _i, ...r }) => r))
          .onConflictDoNothing()
          .returning({
            segmentId: trafficReadings.segmentId,
            observedAt: trafficReadings.observedAt,
          })
      : []
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
  const events: NewEvent[] = []
  for (const [id, r] of newest) {
    const [row] = await tx
      .update(roadSegments)
      .set({
        speedKmh: r.speedKmh,
        congestionLevel: r.congestionLevel,
        observedAt: r.observedAt,
        version: sql`${roadSegments.version} + 1`,
      })
      .where(
        sql`${roadSegments.id} = ${id} and (${roadSegments.observedAt} is null or ${roadSegments.observedAt} <= ${r.observedAt})`,
      )
      .returning({ version: roadSegments.version })
    if (!row) continue // an older reading arriving late: kept in history, not the live state
    const mid = midpoint(id)
    const coords = mid ? (JSON.parse(mid) as { coordinates: [number, number] }).coordinates : null
    events.push({
      topic: 'traffic',
      type: 'trafficReading.recorded',
      entityId: id,
      version: row.version,
      data: {
        segmentId: id,
        speedKmh: r.speedKmh,
        congestionLevel: r.congestionLevel,
        observedAt: r.observedAt.toISOString(),
        readings: counts.get(id) ?? 1,
      },
      location: coords,
    })
  }
  await appendEvents(tx, events, now)
}
