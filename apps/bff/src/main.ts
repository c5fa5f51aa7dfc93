import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'
import { createAdaptorServer } from '@hono/node-server'
import { createApp, type AppType } from './app'
import { loadConfig, REPO_ROOT } from './config'
import { openDatabase, type DatabaseHandle } from './db/client'
import { openEmbeddedDatabase } from './db/open-embedded'
import { prepareDatabase } from './db/prepare-database'
import type { ReferenceCounts } from './db/reference/seed-reference-data'
import { listen } from './http/listen'
import { startupGate, staticSite } from './http/startup-gate'
import { ensureWritableDataDir } from './startup/check-data-dir'
import { explainStartupFailure } from './startup/explain-failure'
import { StartupError } from './startup/startup-error'
import { EventPump } from './live/event-pump'
import { schedulePruning } from './live/prune-events'
import { scheduleCaseSlaChecks } from './services/case-sla/check-case-sla'
import { scheduleAssignmentEscalation } from './services/incidents/escalate-overdue-assignments'
import { escalationConfig } from './services/incidents/escalation-config'
import { createLiveHub } from './realtime/live-hub'
import { connectRedisAdapter } from './realtime/redis-adapter'
import { attachSocketServer } from './realtime/socket-server'
import { diskEvidenceStore } from './services/evidence/disk-evidence-store'
import { s3EvidenceStore } from './services/evidence/s3-evidence-store'
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

const EMBEDDED_ORIGIN_NOTES = {
  template: 'new data dir filled from the prepared template (npm run db:template)',
  created: 'new data dir created from nothing; saved as the template for the next new data dir',
  existing: 'existing data dir reopened',
} as const

async function main() {
  const config = loadConfig(process.env, VERSION)
  const staticRoots = { webDistDir: config.webDistDir, publicDir: config.publicDir }
  // Bound before the database opens: the login page, its scripts and the basemap load while
  // the database starts, and API calls wait for it (http/startup-gate.ts).
  let appIsReady: (app: AppType) => void = () => undefined
  const appReady = new Promise<AppType>((resolve) => (appIsReady = resolve))
  const server = createAdaptorServer(startupGate(staticSite(staticRoots), appReady)) as Server
  const port = await listen(server, config.port, config.host)
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host
  log(`listening on http://${shown}:${port}; the API answers once the database is ready`)
  let added: ReferenceCounts
  if (config.databaseUrl) {
    database = await openDatabase({ driver: 'postgres', url: config.databaseUrl })
    added = await prepareDatabase(database, config.publicDir)
  } else if (config.dataDir) {
    ensureWritableDataDir(config.dataDir)
    log(`opening the embedded database in ${config.dataDir}`)
    const embedded = await openEmbeddedDatabase({
      dataDir: config.dataDir,
      publicDir: config.publicDir,
      templateDir: config.pgliteTemplateDir,
    })
    database = embedded.handle
    added = embedded.added
    log(EMBEDDED_ORIGIN_NOTES[embedded.origin])
  } else {
    throw new StartupError('Set DATA_DIR (embedded database) or DATABASE_URL (PostgreSQL).')
  }
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
    staticRoots,
    clock,
    live,
    demoAccounts: config.demoAccounts,
    requireMfa: config.requireMfa,
    allowedOrigins: config.allowedOrigins,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    writeLimit: WRITE_LIMIT,
    evidence: {
      store: config.evidenceS3
        ? s3EvidenceStore(config.evidenceS3)
        : diskEvidenceStore(config.evidenceDir),
      maxBytes: config.evidenceMaxBytes,
    },
  })
  appIsReady(app)
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
  const retention = {
    eventHours: config.eventRetentionHours,
    actionKeyHours: config.actionKeyRetentionHours,
  }
  const stopPruning = schedulePruning(database.db, retention, clock, log)
  // 处置时限 watch: case.breachSoonWarned / case.overdueWarned once per deadline, across nodes
  const stopSlaChecks = scheduleCaseSlaChecks(database.db, clock, log)
  // every node checks; FOR UPDATE SKIP LOCKED + escalated_at make each escalation happen once
  const escalation = escalationConfig(process.env)
  const stopEscalation = scheduleAssignmentEscalation(
    database.db,
    escalation,
    clock,
    log,
    escalation.everyMs,
  )
  log(`serving http://${shown}:${port} (database: ${database.driver})`)
  // Not awaited: the server answers while the feed loads, and a stop signal waits for it.
  const simulator = config.simulator ? startDemoFeed(database, config) : Promise.resolve(null)
  if (!config.simulator) log('simulator off (SIMULATOR=on starts the demo city feed)')

  const stop = (signal: string) => {
    log(`${signal}: shutting down`)
    server.close()
    stopPruning()
    stopSlaChecks()
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
