import type { Database } from '../db/client'
import { ingestEnvironment } from '../services/ingest/ingest-environment'
import { moveUnits } from '../services/units/move-units'
import { HOUR_MS, hourIndex } from './models'
import type { SimulatedCity } from './simulated-city'
import { SIMULATOR_SOURCE, writeTraffic } from './traffic-feed'
import type { UnitFeed } from './unit-feed'

const MINUTE_MS = 60_000
// After a long pause the environment catches up at most a day, in one batch.
const MAX_ENV_HOURS_PER_TICK = 24
// Escalations and closes per tick: a backlog (a long pause, an old database) is worked off
// over several ticks instead of holding one for minutes.
const MAX_LIFECYCLE_ACTIONS_PER_TICK = 200

export interface TickCounts {
  incidents: number
  regraded: number
  closed: number
  cases: number
  trafficReadings: number
  envReadings: number
  unitMoves: number
}

/**
 * One tick brings the city up to simulated `now`: calls since the last tick become incidents
 * (first, so the traffic sees the crashes), due escalations and closes are applied, reports
 * become 数字城管 cases, units move, then the current minute's traffic and any new hour's
 * environment. A part that fails is logged in one line and the rest goes on.
 */
export function createCityTicker(
  db: Database,
  city: SimulatedCity,
  units: UnitFeed,
  start: Date,
  log: (line: string) => void,
  isStopping: () => boolean = () => false,
) {
  let lastCallsAt = start
  let lastCasesAt = start
  let lastMinute = Math.floor(start.getTime() / MINUTE_MS) - 1
  let lastHour = hourIndex(start) - 1
  const counts: TickCounts = {
    incidents: 0,
    regraded: 0,
    closed: 0,
    cases: 0,
    trafficReadings: 0,
    envReadings: 0,
    unitMoves: 0,
  }

  const part = async (name: string, run: () => Promise<void>) => {
    if (isStopping()) return // a stop waits for the tick: let it skip what has not begun
    try {
      await run()
    } catch (error) {
      log(
        `simulator: ${name} tick failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  const tick = async (now: Date) => {
    await part('incidents', async () => {
      const calls = city.incidents.callsBetween(lastCallsAt, now)
      lastCallsAt = now
      const result = await city.incidents.write(db, calls)
      counts.incidents += result.created.length
      units.respond(result.created)
      city.lifecycle.plan(result.created)
      const first = result.failed[0]
      if (first) log(`simulator: ${result.failed.length} incident(s) not created: ${first.error}`)
    })
    await part('escalations and closes', async () => {
      const result = await city.lifecycle.applyDue(db, now, MAX_LIFECYCLE_ACTIONS_PER_TICK)
      counts.regraded += result.regraded
      counts.closed += result.closed
      const first = result.failed[0]
      if (first) log(`simulator: ${result.failed.length} incident change(s) failed: ${first.error}`)
    })
    await part('cases', async () => {
      const reports = city.cases.casesBetween(lastCasesAt, now)
      lastCasesAt = now
      const result = await city.cases.write(db, reports)
      counts.cases += result.created
      const first = result.failed[0]
      if (first) log(`simulator: ${result.failed.length} case(s) not reported: ${first.error}`)
    })
    await part('units', async () => {
      const moves = units.advanceTo(now)
      if (moves.length > 0) counts.unitMoves += (await moveUnits(db, moves, now)).changed
    })
    const minute = Math.floor(now.getTime() / MINUTE_MS)
    if (minute > lastMinute) {
      lastMinute = minute
      // Only the current minute: at high speed, minutes a tick skipped are not back-filled.
      const at = new Date(minute * MINUTE_MS)
      await part('traffic', async () => {
        const result = await writeTraffic(db, city.geo.links, [at], city.trafficRng, now)
        counts.trafficReadings += result?.stored ?? 0
      })
    }
    const hour = hourIndex(now)
    if (hour > lastHour) {
      const from = Math.max(lastHour + 1, hour - MAX_ENV_HOURS_PER_TICK + 1)
      lastHour = hour
      await part('environment', async () => {
        const readings = []
        for (let h = from; h <= hour; h++)
          readings.push(...city.environment.readingsAt(new Date(h * HOUR_MS)))
        const result = await ingestEnvironment(db, { source: SIMULATOR_SOURCE, readings }, now)
        counts.envReadings += result.stored
      })
    }
  }
  return { tick, counts }
}
