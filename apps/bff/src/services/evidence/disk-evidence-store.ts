import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { isSha256Hex, type EvidenceStore } from './evidence-store'

/**
 * Evidence on the local disk: `<dir>/<first two hex digits>/<sha256>`. A put writes a temp file
 * in `<dir>/.tmp`, flushes it to disk and renames it into place, so a crash leaves either the
 * whole file or none under its name (rename is atomic within one file system). Identical
 * bytes land on the same name, so they are stored once.
 */
export function diskEvidenceStore(dir: string): EvidenceStore {
  const fileOf = (sha256: string) => {
    if (!isSha256Hex(sha256)) throw new Error(`not a SHA-256 digest: ${sha256.slice(0, 80)}`)
    return path.join(dir, sha256.slice(0, 2), sha256)
  }
  const exists = (file: string) =>
    stat(file).then(
      (s) => s.isFile(),
      () => false,
    )
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const file = fileOf(sha256)
      if (await exists(file)) return { sha256, isNew: false }
      const tmpDir = path.join(dir, '.tmp')
      await mkdir(tmpDir, { recursive: true })
      const tmp = path.join(tmpDir, `${sha256}.${randomUUID()}`)
      try {
        const handle = await open(tmp, 'wx', 0o640)
        try {
          await handle.writeFile(bytes)
          await handle.sync()
        } finally {
          await handle.close()
        }
        await mkdir(path.dirname(file), { recursive: true })
        // a concurrent put of the same bytes may rename first: same content, same result
        await rename(tmp, file)
      } catch (error) {
        await rm(tmp, { force: true })
        throw error
      }
      return { sha256, isNew: true }
    },
    async get(sha256) {
      try {
        return new Uint8Array(await readFile(fileOf(sha256)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    has: async (sha256) => exists(fileOf(sha256)),
  }
}
