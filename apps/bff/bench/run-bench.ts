import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runB4Bench } from './analytics/run-b4'
import { b4Verdicts } from './analytics/report-b4'
import { loadBenchConfig, type BenchConfig } from './config'
import { runFanoutBench } from './fanout/run-fanout'
import { runIngestBench, type IngestResult } from './ingest/run-ingest'
import {
  fanoutVerdicts,
  ingestVerdict,
  summarizeFanout,
  type BenchResults,
  type Verdict,
} from './report'
import { printResults } from './print-results'
import { runClientStreamMicro } from './micro/client-stream'
import { runComputeAqiMicro } from './micro/compute-aqi'
import { postgresVersion } from './support/databases'
import { killTracked } from './support/ipc'
import { describeMachine } from './support/machine'
import { sampleBusyPercent } from './support/proc-stat'
import { killGroups } from './wall/process-group'
import { wallVerdicts } from './wall/report-wall'
import { runWallBench } from './wall/run-wall'

// `npm run bench`: B1 (live fan-out against raw io.emit), B3 (ingest against raw INSERT) and
// the operations wall's B2 (live update path), B5 (start-up) and B6 (bundle size), and B4
// (the thematic map's choropleth over a year of history against a raw point-in-polygon query).
// Configuration and method: docs/PERFORMANCE.md.

async function main() {
  const config = loadBenchConfig(process.env)
  const machine = await describeRun(config)
  armWatchdog(config)
  const results = await runAll(config)
  printResults(results)
  const { databaseUrl: _url, ...shown } = config
  mkdirSync(path.dirname(config.resultsFile), { recursive: true })
  const json = { at: new Date().toISOString(), machine, config: shown, ...results }
  writeFileSync(config.resultsFile, JSON.stringify(json, null, 2))
  console.log(`\nbench: results written to ${config.resultsFile}`)
}

async function describeRun(config: BenchConfig) {
  const machine = {
    ...describeMachine(),
    postgres: config.databaseUrl ? await postgresVersion(config.databaseUrl) : null,
    busyBeforePercent: Math.round(await sampleBusyPercent(3000)),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  }
  console.log(`bench: ${JSON.stringify(machine)}`)
  if (machine.busyBeforePercent > 20)
    console.log(
      `bench: warning: the machine was ${machine.busyBeforePercent}% busy before the bench started; numbers will be skewed`,
    )
  return machine
}

async function runAll(config: BenchConfig): Promise<BenchResults> {
  const fanout = config.runFanout ? await runFanoutBench(config) : null
  const micro = config.runFanout ? runClientStreamMicro() : []
  const aqi = config.runIngest ? runComputeAqiMicro() : null
  const ingest: IngestResult[] = []
  if (config.runIngest) {
    ingest.push(await runIngestBench(config, 'pglite'))
    if (config.databaseUrl) ingest.push(await runIngestBench(config, 'postgres'))
  }
  const wall = await runWallBench(config)
  const b4 = config.b4.run ? await runB4Bench(config) : null
  const summary = fanout ? summarizeFanout(fanout) : []
  const verdicts: Verdict[] = [
    ...(fanout ? fanoutVerdicts(summary, fanout.clientsConnected.cityops) : []),
    ...ingest.map(ingestVerdict),
    ...wallVerdicts(wall),
    ...(b4 ? b4Verdicts(b4) : []),
  ]
  const fanoutResults = fanout ? { result: fanout, summary } : null
  return { fanout: fanoutResults, micro, ingest, aqi, wall, b4, verdicts }
}

/** Nothing may run forever: past a generous budget the children are killed and we exit. */
function armWatchdog(config: BenchConfig) {
  const fanoutS = config.runFanout
    ? config.rounds * config.rates.length * 2 * (config.seconds * 3 + 20) + 600
    : 0
  const ingestS = config.runIngest ? 600 + config.batches * 60 : 0
  const { wall } = config
  const wallS =
    (wall.runB2 ? 300 + wall.b2.rounds * 2 * (wall.b2.seconds * 3 + 240) : 0) +
    (wall.runB5 ? 300 + wall.b5Rounds * 300 : 0) +
    (wall.runB6 ? 600 : 0)
  // a 1M-row load through the triggers takes minutes on two cores; measuring, a few more
  const b4S = config.b4.run
    ? 600 + config.b4.rows / 500 + config.b4.rounds.baseline * 60 + config.b4.pgliteRows / 100
    : 0
  setTimeout(
    () => {
      console.error('bench: time budget exceeded, stopping')
      killTracked()
      killGroups()
      process.exit(1)
    },
    (fanoutS + ingestS + wallS + b4S) * 1000,
  ).unref()
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killTracked()
    killGroups()
    process.exit(130)
  })

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error)
    killTracked()
    killGroups()
    process.exit(1)
  },
)
