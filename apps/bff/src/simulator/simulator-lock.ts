import pg from 'pg'
import type { DatabaseHandle } from '../db/client'

export interface SimulatorLock {
  release(): Promise<void>
}

/**
 * Only one node may feed the city. On PostgreSQL the running simulator holds a session
 * advisory lock on a connection of its own (as `withStartupLock` does for start-up), so a
 * second node with SIMULATOR=on gets null here; closing the connection releases it, and so
 * does the server if this process dies. PGlite is one process by construction: no lock.
 */
export async function tryLockSimulator(
  database: DatabaseHandle,
  databaseUrl: string | null,
  onLost: (error: Error) => void,
): Promise<SimulatorLock | null> {
  if (database.driver === 'pglite') return { release: async () => undefined }
  if (!databaseUrl) throw new Error('the simulator needs DATABASE_URL for its lock connection')
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 })
  await client.connect()
  const result = await client.query<{ locked: boolean }>(
    `select pg_try_advisory_lock(hashtext('cityops.simulator')) as locked`,
  )
  if (result.rows[0]?.locked !== true) {
    await client.end()
    return null
  }
  let isReleased = false
  // With the connection gone the lock is gone too: another node may start feeding.
  client.on('error', (error) => {
    if (!isReleased) onLost(error)
  })
  return {
    release: async () => {
      isReleased = true
      await client.end().catch(() => undefined)
    },
  }
}
