import type { ChildProcess } from 'node:child_process'
import { request } from '../support/ipc'
import { sleep } from '../support/pace'
import { busyPercent, machineCpu, processCpuMs } from '../support/proc-stat'
import type { PacedRun } from '../support/pace'
import { FleetAck, FleetProgress, FleetResult, type LatencySummary } from './messages'
import { nowMs } from './payloads'

/** One server under test: where its CPU is read, its clients, and how to make it send. */
export interface FanoutTarget {
  name: 'cityops' | 'raw'
  pid: number
  fleet: ChildProcess
  /** Clients connected to this target. */
  clients: number
  /** The seq after which this round's events are numbered. */
  base(): Promise<number>
  write(rate: number, seconds: number): Promise<PacedRun & { events: number }>
  /** How many events the round produced, by the server's own account (after the CPU window). */
  produced(base: number, written: number): Promise<number>
}

export interface FanoutRound {
  target: FanoutTarget['name']
  rate: number
  round: number
  events: number
  writeSeconds: number
  /** events per second the writer achieved (it may fall behind the planned rate) */
  eventsPerSecond: number
  /** events per socket.io message, averaged over clients */
  eventsPerMessage: number
  clients: number
  deliveries: number
  deliveriesPerSecond: number
  serverCpuMs: number
  serverCpuPercent: number
  cpuPerDeliveryUs: number
  fleetCpuPercent: number
  machineBusyPercent: number
  lost: number
  duplicated: number
  stray: number
  disconnects: number
  latency: LatencySummary
  firstInBatch: LatencySummary
}

const DRAIN_IDLE_MS = 2000
const DRAIN_MAX_MS = 15_000

export async function measureRound(
  target: FanoutTarget,
  rate: number,
  seconds: number,
  round: number,
): Promise<FanoutRound> {
  const base = await target.base()
  const capacity = Math.ceil(rate * seconds * 1.25) + 100
  await request(target.fleet, { kind: 'begin', base, capacity }, FleetAck, 10_000, 'begin')
  const cpu0 = processCpuMs(target.pid)
  const machine0 = machineCpu()
  const written = await target.write(rate, seconds)
  await drain(target.fleet, written.events * target.clients)
  const cpu1 = processCpuMs(target.pid)
  const machine1 = machineCpu()
  const produced = await target.produced(base, written.events)
  const r = await request(
    target.fleet,
    { kind: 'end', expected: produced },
    FleetResult,
    60_000,
    'end',
  )
  // the last tick starts one interval before the planned end: count the planned window unless
  // the writer fell behind
  const writeSeconds = Math.max(seconds, (written.endedAt - written.startedAt) / 1000)
  const serverCpuMs = cpu1 - cpu0
  return {
    target: target.name,
    rate,
    round,
    events: produced,
    writeSeconds,
    eventsPerSecond: produced / writeSeconds,
    eventsPerMessage: r.batches ? r.delivered / r.batches : Number.NaN,
    clients: r.clients,
    deliveries: r.delivered,
    deliveriesPerSecond: r.delivered / writeSeconds,
    serverCpuMs,
    serverCpuPercent: (100 * serverCpuMs) / r.wallMs,
    cpuPerDeliveryUs: r.delivered ? (1000 * serverCpuMs) / r.delivered : Number.NaN,
    fleetCpuPercent: (100 * r.cpuMs) / r.wallMs,
    machineBusyPercent: busyPercent(machine0, machine1),
    lost: r.lost,
    duplicated: r.duplicated,
    stray: r.stray,
    disconnects: r.disconnects,
    latency: r.latency,
    firstInBatch: r.firstInBatch,
  }
}

/** Waits until every client has every event, or deliveries stop growing for a while. */
async function drain(fleet: ChildProcess, expectedDeliveries: number) {
  const started = nowMs()
  let last = -1
  let lastChange = started
  while (nowMs() - started < DRAIN_MAX_MS) {
    const p = await request(fleet, { kind: 'progress' }, FleetProgress, 10_000, 'progress')
    if (p.delivered >= expectedDeliveries) return
    if (p.delivered !== last) {
      last = p.delivered
      lastChange = nowMs()
    }
    if (nowMs() - lastChange > DRAIN_IDLE_MS) return
    await sleep(50)
  }
}
