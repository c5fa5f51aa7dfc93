import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type { Database, DriverName } from './client'
import { queryRows } from './query-rows'

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

interface Journal {
  entries: { idx: number; tag: string }[]
}
const journal = JSON.parse(
  readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
) as Journal

/** The newest migration shipped with this build. */
export const LATEST_MIGRATION = journal.entries.at(-1)?.tag ?? 'none'

export async function applyMigrations(db: Database, driver: DriverName): Promise<void> {
  // Both migrators take the same folder and bookkeeping table; only the session type differs.
  if (driver === 'pglite') {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR })
  } else {
    await migrateNodePg(db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_DIR })
  }
}

/** The tag of the newest migration recorded in the database itself. */
export async function appliedMigration(db: Database): Promise<string | null> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )
  const count = Number(rows[0]?.n ?? 0)
  return count === 0 ? null : (journal.entries[count - 1]?.tag ?? `unknown-${count}`)
}
