import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LiveTopic } from '@cityops/domain'
import type { BenchConfig } from '../config'
import { closeBff, login, startBff } from '../support/bff'
import { preparePglite, preparePostgres } from '../support/databases'
import { forkTs, nextMessage, request, stopChild } from '../support/ipc'
import { sleep } from '../support/pace'
import { BENCH_STATIONS } from './payloads'
import { measureRound, type FanoutRound } from './measure-round'
import { FleetConnected, RawListening } from './messages'
import { cityopsTarget, rawTarget } from './targets'
import { ingestWriter, postgresProbeWriter } from './writers'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const FLEET = path.join(HERE, 'client-fleet.ts')
const RAW_SERVER = path.join(HERE, 'raw-server.ts')
const CONNECT_CONCURRENCY = 50

export interface FanoutResult {
  database: 'postgres' | 'pglite'
  writer: string
  clientsRequested: number
  clientsConnected: { cityops: number; raw: number }
  connectSeconds: { cityops: number; raw: number }
  rounds: FanoutRound[]
}

/** B1: the same events to the same number of clients, through cityops and through raw io.emit. */
export async function runFanoutBench(config: BenchConfig): Promise<FanoutResult> {
  const isPostgres = config.fanoutDatabase === 'postgres'
  const cleanup: (() => Promise<unknown> | void)[] = []
  try {
    log(`preparing a fresh ${config.fanoutDatabase} database`)
    const database =
      isPostgres && config.databaseUrl
        ? await preparePostgres(config.databaseUrl, 0)
        : await preparePglite(BENCH_STATIONS)
    cleanup.push(() => database.dispose())
    const bff = await startBff(database)
    cleanup.push(() => closeBff(bff))
    const raw = forkTs(RAW_SERVER)
    cleanup.push(() => stopChild(raw))
    const rawPort = (await nextMessage(raw, RawListening, 60_000, 'raw server')).port
    const writer =
      'url' in database
        ? await postgresProbeWriter(database.url)
        : ingestWriter(bff.url, BENCH_STATIONS)
    cleanup.push(() => writer.close())

    const cookies = await logins(bff.url, config.sessions)
    const ours = forkTs(FLEET)
    const theirs = forkTs(FLEET)
    cleanup.push(
      () => stopChild(ours),
      () => stopChild(theirs),
    )
    const topics: LiveTopic[] = ['incidents', 'environment']
    const oursUp = await connect(ours, bff.url, cookies, config.clients, topics)
    const rawUp = await connect(theirs, `http://127.0.0.1:${rawPort}`, [''], config.clients, [])
    const targets = {
      cityops: cityopsTarget(bff, ours, oursUp.connected, writer, cookies[0] ?? ''),
      raw: rawTarget(raw, theirs, rawUp.connected, isPostgres ? 'probe' : 'envReading'),
    }
    const rounds: FanoutRound[] = []
    for (let round = 1; round <= config.rounds; round++) {
      for (const rate of config.rates) {
        // alternate which goes first, so neither always runs on a warmer machine
        const order = round % 2 ? [targets.cityops, targets.raw] : [targets.raw, targets.cityops]
        for (const target of order) {
          const r = await measureRound(target, rate, config.seconds, round)
          log(describeRound(r))
          rounds.push(r)
          await sleep(1000)
        }
      }
    }
    return {
      database: config.fanoutDatabase,
      writer: writer.description,
      clientsRequested: config.clients,
      clientsConnected: { cityops: oursUp.connected, raw: rawUp.connected },
      connectSeconds: { cityops: oursUp.ms / 1000, raw: rawUp.ms / 1000 },
      rounds,
    }
  } finally {
    for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(logError)
  }
}

async function logins(url: string, sessions: number) {
  const cookies: string[] = []
  for (let i = 0; i < sessions; i++) cookies.push(await login(url))
  return cookies
}

async function connect(
  fleet: ChildProcess,
  url: string,
  cookies: string[],
  clients: number,
  topics: LiveTopic[],
) {
  const message = {
    kind: 'connect',
    url,
    cookies,
    clients,
    concurrency: CONNECT_CONCURRENCY,
    topics,
  }
  const up = await request(fleet, message, FleetConnected, 300_000, `connect to ${url}`)
  log(`${up.connected}/${clients} clients connected to ${url} in ${(up.ms / 1000).toFixed(1)} s`)
  if (up.connected === 0) throw new Error(`no client could connect: ${up.firstError}`)
  if (up.failed > 0) log(`${up.failed} clients failed, first error: ${up.firstError}`)
  return up
}

function describeRound(r: FanoutRound) {
  const cpu = `${r.cpuPerDeliveryUs.toFixed(2)} µs CPU/delivery (server ${r.serverCpuPercent.toFixed(0)}%, clients ${r.fleetCpuPercent.toFixed(0)}%, machine ${r.machineBusyPercent.toFixed(0)}%)`
  const latency = `p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms`
  return (
    `round ${r.round} ${r.target.padEnd(7)} ${r.rate} ev/s (did ${r.eventsPerSecond.toFixed(0)}): ` +
    `${Math.round(r.deliveriesPerSecond)} deliveries/s, ${r.eventsPerMessage.toFixed(1)} ev/msg, ` +
    `${cpu}, ${latency}, lost ${r.lost}, dup ${r.duplicated}`
  )
}

const log = (message: string) => console.log(`bench B1: ${message}`)
const logError = (error: unknown) => console.error('bench B1 cleanup:', error)
