import type { SQL } from 'drizzle-orm'
import type { Database } from './client'

/**
 * Raw SQL rows from either driver. The shared `PgDatabase` type leaves `execute`'s result
 * abstract; both node-postgres (`QueryResult`) and PGlite (`Results`) return `{ rows }`.
 */
export async function queryRows<T extends Record<string, unknown>>(
  db: Pick<Database, 'execute'>,
  query: SQL,
): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] }
  return result.rows
}
