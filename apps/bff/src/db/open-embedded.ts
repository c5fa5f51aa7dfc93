import { openDatabase, type DatabaseHandle } from './client'
import { isEmptyDataDir, readTemplate, templateKey, writeTemplate } from './pglite-template'
import { prepareDatabase } from './prepare-database'
import type { ReferenceCounts } from './reference/seed-reference-data'
import { readReferenceSources } from './reference/reference-sources'

export interface EmbeddedDatabase {
  handle: DatabaseHandle
  added: ReferenceCounts
  /** How the data dir came to be: loaded from a template, created (and a template saved), or reopened. */
  origin: 'template' | 'created' | 'existing'
}

/**
 * Opens the embedded database in `dataDir`. An empty data dir is filled from the prepared
 * template when one matches this build (src/db/pglite-template.ts); without one, it is created
 * from nothing and then dumped as the template, so only the first start on a machine pays for it.
 */
export async function openEmbeddedDatabase(options: {
  dataDir: string
  publicDir: string
  templateDir: string | null
}): Promise<EmbeddedDatabase> {
  const sources = readReferenceSources(options.publicDir)
  const key = options.templateDir ? templateKey(sources) : null
  const empty = isEmptyDataDir(options.dataDir)
  const template =
    empty && options.templateDir && key ? readTemplate(options.templateDir, key) : null
  const handle = await openDatabase({
    driver: 'pglite',
    dataDir: options.dataDir,
    ...(template ? { snapshot: template } : {}),
  })
  try {
    // Still run: a template or an older data dir may lack what this build adds (both no-ops otherwise).
    const added = await prepareDatabase(handle, options.publicDir, sources)
    if (empty && !template && options.templateDir && key && handle.pglite) {
      // Dumped before any account or city data exists: the template holds schema and reference data only.
      await writeTemplate(options.templateDir, key, await handle.pglite.dumpDataDir('gzip'))
      return { handle, added, origin: 'created' }
    }
    return { handle, added, origin: template ? 'template' : 'existing' }
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw error
  }
}
