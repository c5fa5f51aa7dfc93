import type { Database } from '../db/client'
import { ingestEnvironment } from '../services/ingest/ingest-environment'
import { caseFacts, createCaseWorkflowFeed } from './case-workflow-feed'
import { HOUR_MS } from './models'
import { prepareSimulatedCity } from './simulated-city'
import { SIMULATOR_SOURCE, writeTraffic } from './traffic-feed'

export interface BackfillOptions {
  days: number
  seed: string
  /** The end of the window (normally the real now); history covers the `days` before it. */
  now: Date
  log: (line: string) => void
}

export interface BackfillTotals {
  hours: number
  incidents: number
  existingIncidents: number
  failedIncidents: number
  regraded: number
  closed: number
  /** Escalations and closes that failed (other than a conflict with a person's change). */
  failedChanges: number
  cases: number
  existingCases: number
  failedCases: number
  /** Workflow actions on this run's cases (受理 … 结案), and how many cases they closed. */
  caseActions: number
  casesClosed: number
  /** Actions refused (a person changed the case meanwhile, a demo account is missing). */
  failedCaseActions: number
  /** Time spent on the case workflow, for the run-time budget (part of `ms`). */
  caseWorkflowMs: number
  trafficReadings: number
  envReadings: number
  ms: number
}

// One traffic call carries several hours of every link, so the per-segment latest-state
// update and event happen once per call, not once per hour. PGlite 0.5 binds at most 32,767
// parameters per statement (beyond that it silently answers nothing and the connection is
// lost, measured), and ingestion inserts in one statement at 5 per reading: 6,000 is safe.
const READINGS_PER_TRAFFIC_CALL = 6_000

/**
 * The live feed's models over past days, through the same services, in simulated time:
 * every call becomes an incident (escalated and closed when its plan says, up to `now`), every
 * report a 数字城管 case, every link gets an hourly speed, every station an hourly reading.
 * Idempotent: readings by their natural key, incidents and cases by their model-derived id,
 * escalations and closes by the incident's state.
 */
export async function backfillHistory(db: Database, options: BackfillOptions) {
  const started = Date.now()
  const city = await prepareSimulatedCity(db, options.seed)
  await city.lifecycle.loadOpen(db) // incidents an earlier run or the live feed left open
  const workflow = await createCaseWorkflowFeed(db, options.seed)
  if (!workflow.isReady) options.log('no demo accounts: cases stay as reported (no workflow)')
  const end = options.now
  const firstHour = Math.ceil((end.getTime() - options.days * 24 * HOUR_MS) / HOUR_MS)
  const lastHour = Math.floor(end.getTime() / HOUR_MS)
  const hoursPerCall = Math.max(1, Math.floor(READINGS_PER_TRAFFIC_CALL / city.geo.links.length))
  const totals: BackfillTotals = {
    hours: 0,
    incidents: 0,
    existingIncidents: 0,
    failedIncidents: 0,
    regraded: 0,
    closed: 0,
    failedChanges: 0,
    cases: 0,
    existingCases: 0,
    failedCases: 0,
    caseActions: 0,
    casesClosed: 0,
    failedCaseActions: 0,
    caseWorkflowMs: 0,
    trafficReadings: 0,
    envReadings: 0,
    ms: 0,
  }
  let reportedDay = 0
  for (let h = firstHour; h <= lastHour; h += hoursPerCall) {
    const hours = Array.from({ length: Math.min(hoursPerCall, lastHour - h + 1) }, (_, i) => h + i)
    const times = hours.map((x) => new Date(x * HOUR_MS))
    const chunkEnd = new Date(Math.min(end.getTime(), (h + hours.length) * HOUR_MS))
    const last = times.at(-1) ?? chunkEnd
    // Calls first, so each hour's traffic sees the crashes of the hour before it.
    const calls = await city.incidents.write(
      db,
      city.incidents.callsBetween(new Date(h * HOUR_MS), chunkEnd),
    )
    totals.incidents += calls.created.length
    totals.existingIncidents += calls.existing
    totals.failedIncidents += calls.failed.length
    city.lifecycle.plan(calls.created)
    const changes = await city.lifecycle.applyDue(db, chunkEnd)
    totals.regraded += changes.regraded
    totals.closed += changes.closed
    totals.failedChanges += changes.failed.length
    const reported = city.cases.casesBetween(new Date(h * HOUR_MS), chunkEnd)
    const cases = await city.cases.write(db, reported)
    totals.cases += cases.created
    totals.existingCases += cases.existing
    totals.failedCases += cases.failed.length
    // Only this run's cases are worked, so a second run adds nothing.
    const created = new Set(cases.createdIds)
    workflow.plan(reported.filter((c) => created.has(c.id)).map((c) => caseFacts(city, c)))
    const workStarted = Date.now()
    const worked = await workflow.applyDue(db, chunkEnd)
    totals.caseWorkflowMs += Date.now() - workStarted
    totals.caseActions += worked.actions
    totals.casesClosed += worked.closed
    totals.failedCaseActions += worked.failed.length
    const traffic = await writeTraffic(db, city.geo.links, times, city.trafficRng, last)
    totals.trafficReadings += traffic?.stored ?? 0
    const readings = times.flatMap((t) => city.environment.readingsAt(t))
    const env = await ingestEnvironment(db, { source: SIMULATOR_SOURCE, readings }, last)
    totals.envReadings += env.stored
    totals.hours += hours.length
    const day = Math.floor(totals.hours / 24)
    if (day > reportedDay || h + hoursPerCall > lastHour) {
      reportedDay = day
      options.log(progressLine(totals, lastHour - firstHour + 1, last, started))
    }
  }
  totals.ms = Date.now() - started
  return totals
}

function progressLine(t: BackfillTotals, allHours: number, at: Date, started: number) {
  const seconds = Math.round((Date.now() - started) / 1000)
  return (
    `${at.toISOString().slice(0, 13)}h: ${t.hours}/${allHours} hours, ` +
    `+${t.incidents} incidents (${t.existingIncidents} already there), +${t.closed} closed, ` +
    `+${t.cases} cases (${t.existingCases} already there; +${t.caseActions} workflow actions, ` +
    `+${t.casesClosed} closed), ` +
    `+${t.trafficReadings} traffic and +${t.envReadings} environment readings, ${seconds} s`
  )
}
