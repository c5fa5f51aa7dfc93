import { lt, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { events } from '../db/schema'
import { pruneActionKeys } from '../services/idempotency/action-key-stores'

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

/** Hours each kind of row is kept: the event log, and Idempotency-Key answers. */
export interface Retention {
  eventHours: number
  actionKeyHours: number
}

/** Prunes the event log and the action keys now and then every `everyMs`; returns a stop function. */
export function schedulePruning(
  db: Database,
  retention: Retention,
  clock: () => Date,
  log: (m: string) => void,
  everyMs = 10 * 60_000,
) {
  const before = (hours: number) => new Date(clock().getTime() - hours * 3_600_000)
  // each on its own, so a failing one neither stops nor hides the other
  const task =
    (what: string, rows: string, hours: number, prune: (olderThan: Date) => Promise<number>) =>
    async () => {
      try {
        const removed = await prune(before(hours))
        if (removed > 0) log(`${what}: pruned ${removed} ${rows} older than ${hours} h`)
      } catch (error) {
        log(`${what}: pruning failed (${(error as Error).message}); will retry`)
      }
    }
  const tasks = [
    task('event log', 'events', retention.eventHours, (t) => pruneEvents(db, t)),
    task('action keys', 'Idempotency-Keys', retention.actionKeyHours, (t) =>
      pruneActionKeys(db, t),
    ),
  ]
  const run = async () => {
    for (const prune of tasks) await prune()
  }
  void run()
  const timer = setInterval(() => void run(), everyMs)
  return () => clearInterval(timer)
}
