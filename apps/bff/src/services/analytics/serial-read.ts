import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'

/**
 * Runs the thematic reads in one read-only transaction with parallel query off
 * (`SET LOCAL`, so it ends with the transaction). Measured for B4 in docs/PERFORMANCE.md on the
 * 2-core host, 1,000,000 rows, 30 days: with max_parallel_workers_per_gather = 0 cases.count
 * went 64.8 → 19.9 ms and cases.closureRate 73.3 → 32.3 ms; the sums read a few thousand rollup
 * rows, too few to repay starting workers. PGlite has no parallel workers and accepts the setting.
 */
export function serialRead<T>(db: Executor, read: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local max_parallel_workers_per_gather = 0`)
      return read(tx)
    },
    { accessMode: 'read only' },
  )
}
