import { accessSync, constants, mkdirSync, statSync } from 'node:fs'
import { StartupError } from './startup-error'

/** The embedded database needs a folder it can write; say so before PGlite fails obscurely. */
export function ensureWritableDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    if (!statSync(dir).isDirectory()) throw new Error('not a directory')
    accessSync(dir, constants.W_OK)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new StartupError(
      `DATA_DIR ${dir} is not a writable folder (${reason}): choose a writable folder with DATA_DIR or fix its permissions.`,
    )
  }
}
