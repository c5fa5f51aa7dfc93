import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { MIGRATIONS_DIR } from './migrate'
import type { ReferenceSources } from './reference/reference-sources'

// Creating an embedded database from nothing is slow: PGlite's initdb, then CREATE EXTENSION
// postgis (a 20 MB bundle), every migration and the reference data — ~15–20 s on a 2-core
// machine. None of it depends on the data dir, so it is done once (at `npm ci`, or on the
// first start that finds no template) and dumped; a later start on an empty data dir loads
// that dump instead (~5 s). The dump holds schema and public reference data only: no
// accounts, no sessions, no city data.

/**
 * What makes two templates interchangeable: the engine and extension versions, every
 * migration file and the reference data. A change to any of them makes a new key, so a
 * stale template is never loaded.
 */
export function templateKey(sources: ReferenceSources): string {
  const hash = createHash('sha256')
  for (const pkg of ['@electric-sql/pglite', '@electric-sql/pglite-postgis']) {
    hash.update(`${pkg}@${installedVersion(pkg)}\n`)
  }
  for (const file of migrationFiles()) hash.update(file).update(readFileSync(file))
  hash.update(JSON.stringify(sources))
  return hash.digest('hex').slice(0, 16)
}

/** The installed version of `pkg`, whose exports do not include its package.json. */
function installedVersion(pkg: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(pkg))
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json')
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string }
      if (manifest.name === pkg) return manifest.version
    }
    dir = path.dirname(dir)
  }
  throw new Error(`cannot find the installed version of ${pkg}`)
}

function migrationFiles(): string[] {
  const sqlFiles = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => path.join(MIGRATIONS_DIR, f))
  return [...sqlFiles, path.join(MIGRATIONS_DIR, 'meta', '_journal.json')]
}

export const templateFile = (dir: string, key: string) =>
  path.join(dir, `pglite-postgis-${key}.tar.gz`)

/** The template for `key` as a Blob PGlite can load, or null when there is none yet. */
export function readTemplate(dir: string, key: string): Blob | null {
  const file = templateFile(dir, key)
  return existsSync(file) ? new Blob([readFileSync(file)]) : null
}

/** Writes the dump atomically: a reader never sees half a template. */
export async function writeTemplate(dir: string, key: string, dump: Blob): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const file = templateFile(dir, key)
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, file)
  return file
}

/** A PGlite data dir is empty until initdb has written PG_VERSION into it. */
export function isEmptyDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, 'PG_VERSION'))
}
