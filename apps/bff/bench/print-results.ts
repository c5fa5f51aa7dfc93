import type { ClientStreamResult } from './micro/client-stream'
import type { IngestResult, IngestSide } from './ingest/run-ingest'
import type { FanoutResult } from './fanout/run-fanout'
import type { BenchResults, FanoutSummary, Verdict } from './report'
import { fixed, formatTable } from './support/table'
import { printWall } from './wall/report-wall'
import { printB4 } from './analytics/report-b4'

// The terminal report: one table per bench, then the targets.

export function printResults(r: BenchResults) {
  if (r.fanout) printFanout(r.fanout.result, r.fanout.summary)
  if (r.micro.length) printClientStream(r.micro)
  if (r.ingest.length) printIngest(r.ingest)
  if (r.aqi)
    console.log(
      `\nM2 AQI per reading (aqiStandardAt + computeAqi): ${fixed(r.aqi.usPerReading)} µs`,
    )
  printWall(r.wall)
  if (r.b4) printB4(r.b4)
  printVerdicts(r.verdicts)
}

function printFanout(result: FanoutResult, summary: FanoutSummary[]) {
  console.log(
    `\nB1 fan-out — ${result.database}; writer: ${result.writer}; clients: ` +
      `${result.clientsConnected.cityops} (cityops) / ${result.clientsConnected.raw} (raw) of ${result.clientsRequested}`,
  )
  const header = ['ev/s', 'server', 'done ev/s', 'deliv/s', 'ev/msg', 'µs CPU/deliv', 'server%']
  header.push('clients%', 'machine%', 'p50 ms', 'p99 ms', '1st p50', 'lost', 'dup')
  const rows = summary.map((s) => [
    String(s.rate),
    s.target,
    fixed(s.eventsPerSecond),
    fixed(s.deliveriesPerSecond, 0),
    fixed(s.eventsPerMessage),
    fixed(s.cpuPerDeliveryUs, 2),
    fixed(s.serverCpuPercent, 0),
    fixed(s.fleetCpuPercent, 0),
    fixed(s.machineBusyPercent, 0),
    fixed(s.p50),
    fixed(s.p99),
    fixed(s.firstInBatchP50),
    String(s.lost),
    String(s.duplicated),
  ])
  console.log(formatTable(header, rows))
}

function printIngest(results: IngestResult[]) {
  console.log(`\nB3 ingest — readings/s (median ms per batch of ${results[0]?.batchSize ?? '?'})`)
  const header = ['database', 'batches', 'HTTP ingest', 'raw INSERT', 'ratio']
  header.push('service in-process', 'its readings insert', 'its events append')
  const cell = (s: IngestSide) => `${fixed(s.readingsPerSecond, 0)} (${fixed(s.batchMsMedian)} ms)`
  const rows = results.map((r) => [
    r.database,
    String(r.batches),
    cell(r.paths.http),
    cell(r.paths.raw),
    fixed(r.ratio, 2),
    cell(r.paths.service),
    cell(r.paths.readingsOnly),
    cell(r.paths.eventsOnly),
  ])
  console.log(formatTable(header, rows))
}

function printVerdicts(verdicts: Verdict[]) {
  console.log('\nTargets')
  const rows = verdicts.map((v) => [v.target, v.measured, v.isMet ? 'met' : 'NOT met'])
  console.log(formatTable(['target', 'measured', ''], rows))
}

function printClientStream(results: ClientStreamResult[]) {
  console.log('\nM1 one batching window per client (ClientStream offer + flush, in-process)')
  const rows = results.map((r) => [
    r.topic,
    String(r.entities),
    fixed(r.msPerClient, 2),
    fixed(r.msPerClient, 1),
  ])
  console.log(formatTable(['topic', 'entities', 'ms per client', 's per 1,000 clients'], rows))
}
