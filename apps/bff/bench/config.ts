import path from 'node:path'
import { z } from 'zod'
import { REPO_ROOT } from '../src/config'

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback)

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
  BENCH_ONLY: z.enum(['all', 'fanout', 'ingest']).default('all'),
  BENCH_FANOUT_DB: z.enum(['postgres', 'pglite']).optional(),
  BENCH_RESULTS: z.string().default(path.join(REPO_ROOT, '.reports/bench/latest.json')),
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
  fanoutDatabase: 'postgres' | 'pglite'
  resultsFile: string
}

/** Everything is configurable from the environment; defaults keep `npm run bench` short. */
export function loadBenchConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const e = Env.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v)))
  const databaseUrl = e.BENCH_DATABASE_URL ?? null
  const fanoutDatabase = e.BENCH_FANOUT_DB ?? (databaseUrl ? 'postgres' : 'pglite')
  if (fanoutDatabase === 'postgres' && !databaseUrl)
    throw new Error('BENCH_FANOUT_DB=postgres needs BENCH_DATABASE_URL')
  return {
    seconds: e.BENCH_SECONDS,
    rounds: e.BENCH_ROUNDS,
    rates: e.BENCH_RATES,
    clients: e.BENCH_CLIENTS,
    sessions: e.BENCH_SESSIONS,
    batches: e.BENCH_BATCHES,
    batchSize: e.BENCH_BATCH_SIZE,
    databaseUrl,
    runFanout: e.BENCH_ONLY !== 'ingest',
    runIngest: e.BENCH_ONLY !== 'fanout',
    fanoutDatabase,
    resultsFile: path.resolve(e.BENCH_RESULTS),
  }
}
