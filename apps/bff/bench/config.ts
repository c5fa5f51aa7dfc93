import path from 'node:path'
import { z } from 'zod'
import { REPO_ROOT } from '../src/config'

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const BENCH_PARTS = ['all', 'fanout', 'ingest', 'wall', 'b2', 'b5', 'b6', 'b4'] as const
type BenchPart = (typeof BENCH_PARTS)[number]

const Env = z.object({
  BENCH_SECONDS: z.coerce.number().positive().max(600).default(5),
  BENCH_ROUNDS: count(3),
  BENCH_RATES: z
    .string()
    .default('20,100')
    .transform((s) => s.split(',').map(Number))
    .pipe(z.array(z.number().positive().max(2000)).min(1)),
  BENCH_CLIENTS: count(1000),
  BENCH_SESSIONS: count(10),
  BENCH_BATCHES: count(10),
  BENCH_BATCH_SIZE: count(1000).pipe(z.number().max(5000)),
  BENCH_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  BENCH_ONLY: z
    .string()
    .default('all')
    .transform((s) => s.split(',').map((p) => p.trim()))
    .pipe(z.array(z.enum(BENCH_PARTS)).min(1)),
  BENCH_FANOUT_DB: z.enum(['postgres', 'pglite']).optional(),
  BENCH_RESULTS: z.string().default(path.join(REPO_ROOT, '.reports/bench/latest.json')),
  BENCH_B2_SECONDS: z.coerce.number().positive().max(600).default(30),
  BENCH_B2_FEATURES: count(20_000).pipe(z.number().max(500_000)),
  BENCH_B2_RATE: count(1000).pipe(z.number().max(20_000)),
  BENCH_B2_ROUNDS: count(1).pipe(z.number().max(10)),
  BENCH_B2_SEED: z.coerce.number().int().default(1),
  BENCH_B5_ROUNDS: count(1).pipe(z.number().max(10)),
  BENCH_B4_ROWS: count(1_000_000).pipe(z.number().max(10_000_000)),
  BENCH_B4_PGLITE_ROWS: z.coerce.number().int().min(0).max(1_000_000).default(100_000),
  BENCH_B4_ROUNDS: count(200).pipe(z.number().max(5000)),
  BENCH_B4_BASELINE_ROUNDS: count(20).pipe(z.number().max(1000)),
  BENCH_B4_SEED: z.coerce.number().int().min(0).max(1_000_000).default(1),
  BENCH_B4_RELOAD: z.enum(['0', '1']).default('0'),
})

export interface BenchConfig {
  seconds: number
  rounds: number
  rates: number[]
  clients: number
  sessions: number
  batches: number
  batchSize: number
  databaseUrl: string | null
  runFanout: boolean
  runIngest: boolean
  /** The operations wall: B2 (live update path), B5 (start-up), B6 (bundle size). */
  wall: {
    runB2: boolean
    runB5: boolean
    runB6: boolean
    b2: { seconds: number; features: number; rate: number; rounds: number; seed: number }
    b5Rounds: number
  }
  fanoutDatabase: 'postgres' | 'pglite'
  resultsFile: string
  /** B4: the choropleth over a year of history (PostgreSQL with the URL; PGlite, smaller, for information). */
  b4: {
    run: boolean
    rows: number
    /** 0 skips the PGlite run. */
    pgliteRows: number
    rounds: { ours: number; baseline: number }
    seed: number
    /** Load afresh even when a matching load exists. */
    isReload: boolean
  }
}

/** Everything is configurable from the environment; defaults keep `npm run bench` short. */
export function loadBenchConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const e = Env.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v)))
  const databaseUrl = e.BENCH_DATABASE_URL ?? null
  const fanoutDatabase = e.BENCH_FANOUT_DB ?? (databaseUrl ? 'postgres' : 'pglite')
  if (fanoutDatabase === 'postgres' && !databaseUrl)
    throw new Error('BENCH_FANOUT_DB=postgres needs BENCH_DATABASE_URL')
  const only = (...parts: BenchPart[]) => e.BENCH_ONLY.some((p) => p === 'all' || parts.includes(p))
  return {
    seconds: e.BENCH_SECONDS,
    rounds: e.BENCH_ROUNDS,
    rates: e.BENCH_RATES,
    clients: e.BENCH_CLIENTS,
    sessions: e.BENCH_SESSIONS,
    batches: e.BENCH_BATCHES,
    batchSize: e.BENCH_BATCH_SIZE,
    databaseUrl,
    runFanout: only('fanout'),
    runIngest: only('ingest'),
    wall: {
      runB2: only('wall', 'b2'),
      runB5: only('wall', 'b5'),
      runB6: only('wall', 'b6'),
      b2: {
        seconds: e.BENCH_B2_SECONDS,
        features: e.BENCH_B2_FEATURES,
        rate: e.BENCH_B2_RATE,
        rounds: e.BENCH_B2_ROUNDS,
        seed: e.BENCH_B2_SEED,
      },
      b5Rounds: e.BENCH_B5_ROUNDS,
    },
    fanoutDatabase,
    resultsFile: path.resolve(e.BENCH_RESULTS),
    b4: {
      run: only('b4'),
      rows: e.BENCH_B4_ROWS,
      pgliteRows: e.BENCH_B4_PGLITE_ROWS,
      rounds: { ours: e.BENCH_B4_ROUNDS, baseline: e.BENCH_B4_BASELINE_ROUNDS },
      seed: e.BENCH_B4_SEED,
      isReload: e.BENCH_B4_RELOAD === '1',
    },
  }
}
