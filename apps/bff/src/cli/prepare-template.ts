import { DEFAULT_TEMPLATE_DIR } from '../config'
import { openDatabase } from '../db/client'
import { readTemplate, templateFile, templateKey, writeTemplate } from '../db/pglite-template'
import { prepareDatabase } from '../db/prepare-database'
import { readReferenceSources } from '../db/reference/reference-sources'
import { REPO_ROOT } from '../config'
import path from 'node:path'

// `npm run db:template` (run by `npm ci` as the root postinstall): prepares the empty embedded
// database that `npm start` loads into a new DATA_DIR (src/db/pglite-template.ts). Never fails
// the install: without a template the first start simply creates the database itself.

async function main() {
  const dir = process.env.PGLITE_TEMPLATE_DIR ?? DEFAULT_TEMPLATE_DIR
  if (dir === 'off') return
  const publicDir = process.env.PUBLIC_DIR ?? path.join(REPO_ROOT, 'public')
  const sources = readReferenceSources(publicDir)
  const key = templateKey(sources)
  if (readTemplate(dir, key)) {
    console.log(`cityops: embedded database template is current (${templateFile(dir, key)})`)
    return
  }
  const started = performance.now()
  const handle = await openDatabase({ driver: 'pglite', dataDir: null })
  try {
    await prepareDatabase(handle, publicDir, sources)
    const dump = await handle.pglite?.dumpDataDir('gzip')
    if (!dump) throw new Error('PGlite produced no dump')
    const file = await writeTemplate(dir, key, dump)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`cityops: prepared the embedded database template in ${seconds} s (${file})`)
  } finally {
    await handle.close()
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  console.warn(
    `cityops: no embedded database template (${message}); the first start will create the database itself.`,
  )
})
