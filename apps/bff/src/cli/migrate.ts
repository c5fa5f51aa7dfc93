import { applyMigrations, LATEST_MIGRATION } from '../db/migrate'
import { runWithConfiguredDatabase } from './open-configured-database'

// `npm run db:migrate`: apply migrations without starting the server (the server does it too).
await runWithConfiguredDatabase(async (handle) => {
  await handle.withStartupLock((db) => applyMigrations(db, handle.driver))
  return `migrations applied up to ${LATEST_MIGRATION}`
})
