import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { prepareDatabase } from '../db/prepare-database'
import { backfillHistory } from '../simulator/backfill-history'
import { runWithConfiguredDatabase } from './open-configured-database'

// `npm run seed:history -- --days 30 [--seed S]`: the simulator's models over the past days,
// through the same services, so charts and reports have a history on a fresh install.
// Running it again adds nothing.
const { values } = parseArgs({
  options: { days: { type: 'string', default: '30' }, seed: { type: 'string' } },
})
const days = Number(values.days)
if (!(days > 0 && days <= 366)) {
  console.error('cityops: --days must be a number of days greater than 0 and at most 366')
  process.exit(1)
}
const seed = values.seed ?? loadConfig(process.env, 'cli').simSeed

await runWithConfiguredDatabase(async (handle, publicDir) => {
  await prepareDatabase(handle, publicDir)
  console.log(`cityops: simulating the past ${days} day(s) with seed ${seed}`)
  const t = await backfillHistory(handle.db, {
    days,
    seed,
    now: new Date(),
    log: (line) => console.log(`cityops: ${line}`),
  })
  const failed = [
    t.failedIncidents > 0 ? `${t.failedIncidents} incidents failed` : '',
    t.failedChanges > 0 ? `${t.failedChanges} escalations/closes failed` : '',
    t.failedCases > 0 ? `${t.failedCases} cases failed` : '',
    t.failedCaseActions > 0 ? `${t.failedCaseActions} case workflow actions failed` : '',
  ].filter(Boolean)
  return (
    `history done in ${(t.ms / 1000).toFixed(1)} s: ${t.hours} hours, ${t.incidents} incidents ` +
    `(${t.existingIncidents} already there; ${t.regraded} escalated, ${t.closed} closed), ` +
    `${t.cases} cases (${t.existingCases} already there; ${t.caseActions} workflow actions ` +
    `in ${(t.caseWorkflowMs / 1000).toFixed(1)} s, ${t.casesClosed} closed), ` +
    `${t.trafficReadings} traffic and ` +
    `${t.envReadings} environment readings added${failed.length > 0 ? `; ${failed.join(', ')}` : ''}`
  )
})
