import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'
import { createAdaptorServer } from '@hono/node-server'
import { createApp } from './app'
import { loadConfig, REPO_ROOT } from './config'
import { openDatabase, type DatabaseHandle } from './db/client'
import { prepareDatabase } from './db/prepare-database'
import { assertPortFree, listen } from './http/listen'
import { ensureWritableDataDir } from './startup/check-data-dir'
import { explainStartupFailure } from './startup/explain-failure'
import { EventPump } from './live/event-pump'
import { schedulePruning } from './live/prune-events'
import { scheduleAssignmentEscalation } from './services/incidents/escalate-overdue-assignments'
import { escalationConfig } from './services/incidents/escalation-config'
import { createLiveHub } from './realtime/live-hub'
import { connectRedisAdapter } from './realtime/redis-adapter'
import { attachSocketServer } from './realtime/socket-server'
import { seedDemoAccounts } from './services/users/seed-demo-accounts'
import { startSimulator, type Simulator } from './simulator/run-simulator'
import { DEMO_PASSWORD } from '@cityops/domain'

// Composition root: env → database → app → HTTP server → listen. The only file that
// reads process.env or calls process.exit.

const VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version

// Generous for people, tight for a runaway script: 20 writes at once, then 5 per second.
const WRITE_LIMIT = { burst: 20, perSecond: 5 }

let database: DatabaseHandle | null = null

async function main() {
  const config = loadConfig(process.env, VERSION)
  await assertPortFree(config.port, config.host)
  if (config.dataDir) {
    ensureWritableDataDir(config.dataDir)
    log(`opening the embedded database in ${config.dataDir} (the first start takes ~15 s)`)
  }
  database = await openDatabase(
    config.databaseUrl
      ? { driver: 'postgres', url: config.databaseUrl }
      : { driver: 'pglite', dataDir: config.dataDir },
  )
  const added = await prepareDatabase(database, config.publicDir)
  log(
    `database ready (${database.driver}, ${database.location}); new reference rows: ${JSON.stringify(added)}`,
  )

  const clock = () => new Date()
  if (config.demoAccounts) {
    // under the start-up lock: several nodes starting together must not race on usernames
    const db = database.db
    const created = await database.withStartupLock(() => seedDemoAccounts(db, clock()))
    if (created > 0)
      log(`created ${created} demo accounts (password ${DEMO_PASSWORD}) and the demo API key`)
  }
  const live = createLiveHub()
  const app = createApp({
    database,
    version: VERSION,
    staticRoots: { webDistDir: config.webDistDir, publicDir: config.publicDir },
    clock,
    live,
    demoAccounts: config.demoAccounts,
    requireMfa: config.requireMfa,
    allowedOrigins: config.allowedOrigins,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    writeLimit: WRITE_LIMIT,
  })
  const server = createAdaptorServer({ fetch: app.fetch }) as Server
  const pump = new EventPump(database)
  await pump.start()
  const redis = config.redisUrl ? await connectRedisAdapter(config.redisUrl, log) : null
  if (redis) log('socket.io Redis Streams adapter connected (scale-out)')
  attachSocketServer(server, {
    db: database.db,
    pump,
    ...(redis ? { adapter: redis.adapter } : {}),
    clock,
    allowedOrigins: config.allowedOrigins,
    hub: live,
  })
  const port = await listen(server, config.port, config.host)
  const stopPruning = schedulePruning(database.db, config.eventRetentionHours, clock, log)
  // every node checks; FOR UPDATE SKIP LOCKED + escalated_at make each escalation happen once
  const escalation = escalationConfig(process.env)
  const stopEscalation = scheduleAssignmentEscalation(
    database.db,
    escalation,
    clock,
    log,
    escalation.everyMs,
  )
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host
  log(`serving http://${shown}:${port} (database: ${database.driver})`)
  // Not awaited: the server answers while the feed loads, and a stop signal waits for it.
  const simulator = config.simulator ? startDemoFeed(database, config) : Promise.resolve(null)
  if (!config.simulator) log('simulator off (SIMULATOR=on starts the demo city feed)')

  const stop = (signal: string) => {
    log(`${signal}: shutting down`)
    server.close()
    stopPruning()
    stopEscalation()
    // The feed stops before the database it writes to closes.
    void simulator
      .then((feed) => feed?.stop())
      .then(() => pump.stop())
      .then(() => redis?.close())
      .then(() => database?.close())
      .finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** A feed that cannot start (no road network, say) leaves the server running without it. */
async function startDemoFeed(
  handle: DatabaseHandle,
  config: ReturnType<typeof loadConfig>,
): Promise<Simulator | null> {
  try {
    return await startSimulator({
      database: handle,
      clock: () => new Date(),
      seed: config.simSeed,
      speed: config.simSpeed,
      databaseUrl: config.databaseUrl,
      log,
    })
  } catch (error) {
    log(`simulator not started: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
}

function log(message: string) {
  console.log(`cityops: ${message}`)
}

main().catch(async (error: unknown) => {
  console.error(
    `cityops: ${explainStartupFailure(error, { databaseUrl: process.env.DATABASE_URL || null })}`,
  )
  await database?.close().catch(() => undefined)
  process.exit(1)
})
