import type { FanoutRound } from './fanout/measure-round'
import type { FanoutResult } from './fanout/run-fanout'
import type { IngestResult } from './ingest/run-ingest'
import type { ClientStreamResult } from './micro/client-stream'
import type { WallResults } from './wall/run-wall'
import type { B4Results } from './analytics/run-b4'
import { fixed, median } from './support/table'

export interface FanoutSummary {
  rate: number
  target: FanoutRound['target']
  rounds: number
  eventsPerSecond: number
  deliveriesPerSecond: number
  eventsPerMessage: number
  cpuPerDeliveryUs: number
  serverCpuPercent: number
  fleetCpuPercent: number
  machineBusyPercent: number
  p50: number
  p99: number
  /** p50 latency of the first event of each message (the one that waited longest) */
  firstInBatchP50: number
  lost: number
  duplicated: number
}

export interface BenchResults {
  fanout: { result: FanoutResult; summary: FanoutSummary[] } | null
  micro: ClientStreamResult[]
  ingest: IngestResult[]
  aqi: { usPerReading: number } | null
  wall: WallResults
  b4: B4Results | null
  verdicts: Verdict[]
}

export interface Verdict {
  target: string
  measured: string
  isMet: boolean
}

/** Medians over the interleaved rounds, per rate and server; losses are summed. */
export function summarizeFanout(result: FanoutResult): FanoutSummary[] {
  const keys = [...new Set(result.rounds.map((r) => `${r.rate}|${r.target}`))]
  return keys.map((key) => {
    const rs = result.rounds.filter((r) => `${r.rate}|${r.target}` === key)
    const first = rs[0]
    if (!first) throw new Error('empty group')
    const m = (pick: (r: FanoutRound) => number) => median(rs.map(pick))
    return {
      rate: first.rate,
      target: first.target,
      rounds: rs.length,
      eventsPerSecond: m((r) => r.eventsPerSecond),
      deliveriesPerSecond: m((r) => r.deliveriesPerSecond),
      eventsPerMessage: m((r) => r.eventsPerMessage),
      cpuPerDeliveryUs: m((r) => r.cpuPerDeliveryUs),
      serverCpuPercent: m((r) => r.serverCpuPercent),
      fleetCpuPercent: m((r) => r.fleetCpuPercent),
      machineBusyPercent: m((r) => r.machineBusyPercent),
      p50: m((r) => r.latency.p50),
      p99: m((r) => r.latency.p99),
      firstInBatchP50: m((r) => r.firstInBatch.p50),
      lost: rs.reduce((a, r) => a + r.lost, 0),
      duplicated: rs.reduce((a, r) => a + r.duplicated, 0),
    }
  })
}

export function fanoutVerdicts(summary: FanoutSummary[], clients: number): Verdict[] {
  const verdicts: Verdict[] = []
  for (const rate of [...new Set(summary.map((s) => s.rate))]) {
    const ours = summary.find((s) => s.rate === rate && s.target === 'cityops')
    const raw = summary.find((s) => s.rate === rate && s.target === 'raw')
    if (!ours || !raw) continue
    const ratio = ours.cpuPerDeliveryUs / raw.cpuPerDeliveryUs
    verdicts.push({
      target: `B1 CPU per delivery ≤ 1.0× raw io.emit at ${rate} ev/s`,
      measured: `${fixed(ratio, 2)}× (${fixed(ours.cpuPerDeliveryUs, 2)} vs ${fixed(raw.cpuPerDeliveryUs, 2)} µs)`,
      isMet: ratio <= 1,
    })
    if (rate === 20 && clients >= 1000)
      verdicts.push({
        target: `B1 p50 ≤ 25 ms at 20 ev/s × ${clients} clients`,
        measured: `${fixed(ours.p50)} ms (raw ${fixed(raw.p50)} ms)`,
        isMet: ours.p50 <= 25,
      })
  }
  const lost = summary.filter((s) => s.target === 'cityops').reduce((a, s) => a + s.lost, 0)
  verdicts.push({ target: 'B1 0 events lost', measured: `${lost} lost`, isMet: lost === 0 })
  return verdicts
}

export const ingestVerdict = (r: IngestResult): Verdict => ({
  target: `B3 ingest ≥ 0.8× raw INSERT (${r.database})`,
  measured: `${fixed(r.ratio, 2)}×`,
  isMet: r.ratio >= 0.8,
})
