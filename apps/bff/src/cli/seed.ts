import { prepareDatabase } from '../db/prepare-database'
import { runWithConfiguredDatabase } from './open-configured-database'

// `npm run db:seed`: migrations and reference data; existing rows are never duplicated.
await runWithConfiguredDatabase(async (handle, publicDir) => {
  const added = await prepareDatabase(handle, publicDir)
  return `reference data loaded; new rows: ${JSON.stringify(added)}`
})
