import { LiveEventType, type LiveEvent, type LiveTopic } from '@cityops/domain'
import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { eventCounter, events } from '../db/schema'

export const EVENTS_CHANNEL = 'cityops_events'

export interface NewEvent {
  topic: LiveTopic
  type: string
  entityId: string
  version: number
  data: unknown
  /** Departments whose handlers may see it; null = everyone allowed the topic. */
  departments?: readonly string[] | null
  location?: readonly [number, number] | null
}

/**
 * Appends events inside the caller's transaction, with gap-free sequence numbers: the counter
 * row stays locked until commit, so seqs are handed out in commit order and a rollback
 * returns them. The NOTIFY is only a wake-up for readers (delivered at commit).
 */
export async function appendEvents(
  tx: Executor,
  list: readonly NewEvent[],
  now: Date,
): Promise<LiveEvent[]> {
  if (list.length === 0) return []
  for (const type of new Set(list.map((e) => e.type))) assertEventType(type)
  const [counter] = await tx
    .update(eventCounter)
    .set({ lastSeq: sql`${eventCounter.lastSeq} + ${list.length}` })
    .where(eq(eventCounter.id, 1))
    .returning({ lastSeq: eventCounter.lastSeq })
  if (!counter) throw new Error('event_counter row is missing: migration 0004 was not applied')
  const first = counter.lastSeq - list.length + 1
  const rows = list.map((e, i) => ({
    seq: first + i,
    topic: e.topic,
    type: e.type,
    entityId: e.entityId,
    version: e.version,
    at: now,
    data: e.data ?? null,
    departments: e.departments ? [...e.departments] : null,
    lng: e.location?.[0] ?? null,
    lat: e.location?.[1] ?? null,
  }))
  // Large batches (ingestion) are split to stay far below the 65,535 bind-parameter limit.
  for (let i = 0; i < rows.length; i += 2000)
    await tx.insert(events).values(rows.slice(i, i + 2000))
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(counter.lastSeq)})`)
  return rows.map((r) => toLiveEvent(r))
}

/**
 * Readers parse every event with the domain's LiveEventType (`entity.verbPastTense`); one
 * that does not match would be dropped by the wall, so it is a bug to write it at all.
 */
export function assertEventType(type: string) {
  if (!LiveEventType.safeParse(type).success)
    throw new Error(`event type "${type}" is not entity.verbPastTense (LiveEventType)`)
}

export interface StoredEvent {
  seq: number
  topic: LiveTopic
  type: string
  entityId: string
  version: number
  at: Date
  data: unknown
  departments: string[] | null
  lng: number | null
  lat: number | null
}

export function toLiveEvent(row: StoredEvent): LiveEvent {
  return {
    seq: row.seq,
    topic: row.topic,
    type: row.type,
    id: row.entityId,
    version: row.version,
    at: row.at.toISOString(),
    data: row.data,
  }
}
