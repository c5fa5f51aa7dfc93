import type { DatabaseHandle } from './client'
import { applyMigrations } from './migrate'
import { readReferenceSources, type ReferenceSources } from './reference/reference-sources'
import { seedReferenceData, type ReferenceCounts } from './reference/seed-reference-data'

/**
 * Migrations, then reference data, under one start-up lock so that several BFF processes
 * starting against the same PostgreSQL never race each other. `sources` may be passed when
 * the caller has already read them (the embedded start-up hashes them for its template).
 */
export function prepareDatabase(
  handle: DatabaseHandle,
  publicDir: string,
  sources: ReferenceSources = readReferenceSources(publicDir),
): Promise<ReferenceCounts> {
  return handle.withStartupLock(async (db) => {
    await applyMigrations(db, handle.driver)
    return seedReferenceData(db, sources)
  })
}
