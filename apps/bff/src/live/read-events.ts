import type { LiveTopic } from '@cityops/domain'
import { and, asc, gt, inArray, lte, max, min } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { eventCounter, events } from '../db/schema'
import type { StoredEvent } from './append-events'

/** Events after `since` (and up to `until`), oldest first. */
export function readEventsAfter(
  db: Executor,
  options: { since: number; until?: number; topics?: readonly LiveTopic[]; limit: number },
): Promise<StoredEvent[]> {
  return db
    .select()
    .from(events)
    .where(
      and(
        gt(events.seq, options.since),
        options.until !== undefined ? lte(events.seq, options.until) : undefined,
        options.topics ? inArray(events.topic, [...options.topics]) : undefined,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(options.limit)
}

/** The retained range of the log: `oldest` is null when the log is empty (or pruned away). */
export async function logRange(db: Executor): Promise<{ oldest: number | null; latest: number }> {
  const [range] = await db.select({ oldest: min(events.seq), latest: max(events.seq) }).from(events)
  const [counter] = await db.select({ lastSeq: eventCounter.lastSeq }).from(eventCounter)
  return { oldest: range?.oldest ?? null, latest: counter?.lastSeq ?? range?.latest ?? 0 }
}
