import os from 'node:os'
import type { BenchConfig } from '../config'
import { measureEndpoint, type B4EndpointResult } from './b4-endpoint'
import { measureChoropleths, type B4Measurement } from './b4-measure'
import {
  openPgliteHistory,
  openPostgresHistory,
  type HistoryDatabase,
  type OpenOptions,
} from './history-databases'
import type { HistoryLoad } from './history-load'
import { planHistory, type HistoryPlan } from './history-plan'

export interface B4EngineResult extends B4Measurement {
  database: 'postgres' | 'pglite'
  plan: HistoryPlan
  /** The load's "now" (the window's end). */
  now: string
  /** Whether an earlier run's load was reused (its figures are in `load` all the same). */
  isReused: boolean
  load: HistoryLoad | null
  loadAverageBefore: number[]
  rounds: { ours: number; baseline: number }
  /** incidents.count through GET /api/analytics/choropleth (in-process), after the rounds. */
  endpoint: B4EndpointResult[]
}

export interface B4Results {
  postgres: B4EngineResult | null
  /** Informational: a smaller history on the embedded engine. */
  pglite: B4EngineResult | null
}

/**
 * B4: the choropleth by district and by township over a year of history (1,000,000 rows by
 * default), 30-day window, against the raw point-in-polygon baseline. PostgreSQL is the
 * target; PGlite runs a smaller history for information.
 */
export async function runB4Bench(config: BenchConfig): Promise<B4Results> {
  const { b4 } = config
  const results: B4Results = { postgres: null, pglite: null }
  if (config.databaseUrl) {
    const adminUrl = config.databaseUrl
    results.postgres = await runOn('postgres', b4.rows, b4.rounds, (options) =>
      openPostgresHistory(adminUrl, options),
    )
  } else {
    log('no BENCH_DATABASE_URL: the PostgreSQL run (the target) is skipped')
  }
  if (b4.pgliteRows > 0) {
    // PGlite runs in this process on one core: fewer rounds keep it to a few minutes
    const rounds = {
      ours: Math.min(b4.rounds.ours, 50),
      baseline: Math.min(b4.rounds.baseline, 5),
    }
    results.pglite = await runOn('pglite', b4.pgliteRows, rounds, openPgliteHistory)
  }
  return results

  async function runOn(
    database: 'postgres' | 'pglite',
    rows: number,
    rounds: { ours: number; baseline: number },
    open: (options: OpenOptions) => Promise<HistoryDatabase>,
  ): Promise<B4EngineResult> {
    const plan = planHistory(rows, b4.seed)
    const tag = (message: string) => log(`${database}: ${message}`)
    tag(`${rows.toLocaleString('en')} rows (${plan.incidents} incidents, ${plan.cases} cases)`)
    const history = await open({ plan, isReload: b4.isReload, log: tag })
    try {
      const loadAverageBefore = os.loadavg().map((l) => Math.round(l * 100) / 100)
      tag(
        `measuring ${rounds.ours} rounds (baseline ${rounds.baseline}); load ${loadAverageBefore[0]}`,
      )
      const measured = await measureChoropleths(history.handle.db, history.now, rounds, tag)
      const endpoint = await measureEndpoint(history.handle, measured.window, ENDPOINT_ROUNDS)
      return {
        database,
        plan,
        now: history.now.toISOString(),
        isReused: history.load === null,
        load: history.load ?? history.recordedLoad,
        loadAverageBefore,
        rounds,
        ...measured,
        endpoint,
      }
    } finally {
      await history.handle.close()
    }
  }
}

const ENDPOINT_ROUNDS = 30

const log = (message: string) => console.log(`bench B4: ${message}`)
