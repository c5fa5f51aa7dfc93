import { Hono } from 'hono'
import type { AppDeps } from '../app'
import { appliedMigration } from '../db/migrate'
import type { AppEnv } from '../http/context'
import { guard } from '../http/guard'

const DB_TIMEOUT_MS = 2000

/** Liveness of the BFF and its database, for the header badge and load balancers. */
export const healthRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>().get('/', guard(deps, { kind: 'public' }), async (c) => {
    c.header('Cache-Control', 'no-store')
    const base = { database: deps.database.driver, version: deps.version }
    try {
      const migrations = await withTimeout(appliedMigration(deps.database.db), DB_TIMEOUT_MS)
      return c.json({ status: 'ok' as const, ...base, migrations })
    } catch (error) {
      const reason = `database unreachable: ${(error as Error).message}`
      return c.json({ status: 'degraded' as const, ...base, migrations: null, reason }, 503)
    }
  })

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
