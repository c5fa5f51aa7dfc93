import type { DatabaseHandle } from './client'
import { applyMigrations } from './migrate'
import { readReferenceSources } from './reference/reference-sources'
import { seedReferenceData, type ReferenceCounts } from './reference/seed-reference-data'

/**
 * Migrations, then reference data, under one start-up lock so that several BFF processes
 * starting against the same PostgreSQL never race each other.
 */
export function prepareDatabase(
  handle: DatabaseHandle,
  publicDir: string,
): Promise<ReferenceCounts> {
  return handle.withStartupLock(async (db) => {
    await applyMigrations(db, handle.driver)
    return seedReferenceData(db, readReferenceSources(publicDir))
  })
}
