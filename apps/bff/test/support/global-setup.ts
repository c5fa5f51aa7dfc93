import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { DEFAULT_TEMPLATE_DIR } from '../../src/config'
import { openDatabase } from '../../src/db/client'
import { readTemplate, templateKey } from '../../src/db/pglite-template'
import { readReferenceSources } from '../../src/db/reference/reference-sources'
import { prepareDatabase } from '../../src/db/prepare-database'
import { PUBLIC_DIR } from './paths'
import { seedDemoAccounts } from '../../src/services/users/seed-demo-accounts'

/**
 * Builds one migrated, seeded PGlite data dir per run and dumps it; every test file starts
 * its own database from that snapshot instead of paying PostGIS's start-up again.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cityops-snapshot-'))
  // The same prepared template `npm start` loads into a new data dir, when `npm ci` made one.
  const sources = readReferenceSources(PUBLIC_DIR)
  const template = readTemplate(DEFAULT_TEMPLATE_DIR, templateKey(sources))
  const handle = await openDatabase({
    driver: 'pglite',
    dataDir: null,
    ...(template ? { snapshot: template } : {}),
  })
  await prepareDatabase(handle, PUBLIC_DIR, sources)
  await seedDemoAccounts(handle.db, new Date('2026-11-20T00:00:00Z'))
  const dump = await handle.pglite?.dumpDataDir('gzip')
  await handle.close()
  if (!dump) throw new Error('PGlite did not produce a data dir dump')
  const file = path.join(dir, 'snapshot.tar.gz')
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteSnapshot', file)
  if (!process.env.TEST_DATABASE_URL) {
    console.log(
      '\n[bff] TEST_DATABASE_URL is not set: the PostgreSQL+PostGIS run of the integration suite was skipped (CI always sets it).\n',
    )
  }
  return () => rmSync(dir, { recursive: true, force: true })
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
  }
}
