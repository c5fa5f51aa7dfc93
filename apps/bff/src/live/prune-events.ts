import { lt, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { events } from '../db/schema'

/**
 * Drops log rows older than the retention window. The entities keep their state and the
 * readings their history; clients resuming from before the window get `resync`. Deletes in
 * slices so a large backlog never holds one long transaction (PGlite serves one at a time).
 */
export async function pruneEvents(db: Database, olderThan: Date, slice = 50_000): Promise<number> {
  let removed = 0
  for (;;) {
    const gone = await db
      .delete(events)
      .where(
        sql`${events.seq} in (select seq from events where ${lt(events.at, olderThan)} order by seq limit ${slice})`,
      )
      .returning({ seq: events.seq })
    removed += gone.length
    if (gone.length < slice) return removed
  }
}

/** Prunes now and then every `everyMs`; returns a stop function. */
export function schedulePruning(
  db: Database,
  retentionHours: number,
  clock: () => Date,
  log: (m: string) => void,
  everyMs = 10 * 60_000,
) {
  const run = async () => {
    try {
      const removed = await pruneEvents(
        db,
        new Date(clock().getTime() - retentionHours * 3_600_000),
      )
      if (removed > 0) log(`event log: pruned ${removed} events older than ${retentionHours} h`)
    } catch (error) {
      log(`event log: pruning failed (${(error as Error).message}); will retry`)
    }
  }
  void run()
  const timer = setInterval(() => void run(), everyMs)
  return () => clearInterval(timer)
}
