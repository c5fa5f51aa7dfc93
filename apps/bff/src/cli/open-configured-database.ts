import { loadConfig } from '../config'
import { openDatabase } from '../db/client'
import { ensureWritableDataDir } from '../startup/check-data-dir'
import { explainStartupFailure } from '../startup/explain-failure'

/** Shared by the maintenance commands: the same configuration and errors as the server. */
export async function runWithConfiguredDatabase(
  task: (handle: Awaited<ReturnType<typeof openDatabase>>, publicDir: string) => Promise<string>,
) {
  const config = loadConfig(process.env, 'cli')
  try {
    if (config.dataDir) ensureWritableDataDir(config.dataDir)
    const handle = await openDatabase(
      config.databaseUrl
        ? { driver: 'postgres', url: config.databaseUrl }
        : { driver: 'pglite', dataDir: config.dataDir },
    )
    try {
      console.log(
        `cityops: ${await task(handle, config.publicDir)} (${handle.driver}, ${handle.location})`,
      )
    } finally {
      await handle.close()
    }
  } catch (error) {
    console.error(`cityops: ${explainStartupFailure(error, { databaseUrl: config.databaseUrl })}`)
    process.exitCode = 1
  }
}
