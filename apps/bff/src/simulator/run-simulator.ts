import type { DatabaseHandle } from '../db/client'
import { seedUnits } from '../services/units/seed-units'
import { createCityTicker, type TickCounts } from './city-ticker'
import { createSimClock } from './sim-clock'
import { prepareSimulatedCity } from './simulated-city'
import { tryLockSimulator } from './simulator-lock'
import { loadUnitFeed } from './unit-feed'

export interface SimulatorOptions {
  database: DatabaseHandle
  /** Real time; simulated time starts there and runs `speed` times faster. */
  clock: () => Date
  seed: string
  /** Simulated seconds per real second, > 0 and ≤ 3600. */
  speed: number
  log: (line: string) => void
  /** PostgreSQL: the lock connection's URL (see simulator-lock.ts). */
  databaseUrl?: string | null
  /** Real milliseconds between the end of one tick and the start of the next. */
  tickMs?: number
  /** false: no timer, the caller drives `tick()` (tests). */
  isAutomatic?: boolean
}

export interface Simulator {
  /** Runs one tick now, after the one in progress if any. */
  tick(): Promise<void>
  /** Simulated time now. */
  now(): Date
  counts: Readonly<TickCounts>
  /** Finishes the tick in progress, then releases the lock. */
  stop(): Promise<void>
}

/** Starts the demo feed, or returns null when another node already runs it. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator | null> {
  const { database, log } = options
  let timer: NodeJS.Timeout | null = null
  let isStopped = false
  const lock = await tryLockSimulator(database, options.databaseUrl ?? null, (error) => {
    log(`simulator: lost its lock connection (${error.message}); stopping`)
    isStopped = true
  })
  if (lock === null) {
    log('simulator already running on another node')
    return null
  }
  const now = createSimClock(options.clock, options.speed)
  const start = now()
  const db = database.db
  try {
    const city = await prepareSimulatedCity(db, options.seed)
    const open = await city.lifecycle.loadOpen(db)
    const candidates = city.geo.mainNodes
      .map((id) => city.geo.graph.nodes.get(id))
      .filter((p) => p !== undefined)
    const unitsAdded = await seedUnits(db, start, { seed: options.seed, candidates })
    const units = await loadUnitFeed(db, city.geo, city.unitRng, start)
    const ticker = createCityTicker(db, city, units, start, log, () => isStopped)
    log(
      `simulator on (seed ${options.seed}, ${options.speed}× real time): ${city.geo.links.length} road links, ` +
        `${city.stationCount} stations (${city.stationsAdded} new), ${units.units.length} units (${unitsAdded} new), ` +
        `${open} open simulated incidents`,
    )
    // Ticks run one after another, never side by side: PGlite serves one query at a time.
    let running: Promise<void> = Promise.resolve()
    const tick = () =>
      (running = running
        .then(() => (isStopped ? undefined : ticker.tick(now())))
        .catch((error: unknown) => log(`simulator: tick failed: ${String(error)}`)))
    const loop = () => {
      if (isStopped) return
      void tick().finally(() => {
        if (!isStopped) timer = setTimeout(loop, options.tickMs ?? 1000)
      })
    }
    if (options.isAutomatic !== false) loop()
    return {
      tick,
      now,
      counts: ticker.counts,
      stop: async () => {
        isStopped = true
        if (timer) clearTimeout(timer)
        await running
        await lock.release()
      },
    }
  } catch (error) {
    await lock.release()
    throw error
  }
}
