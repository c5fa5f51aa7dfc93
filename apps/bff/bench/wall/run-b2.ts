import path from 'node:path'
import type { Browser } from 'playwright-core'
import { REPO_ROOT } from '../../src/config'
import { median } from '../support/table'
import { launchChromium } from './chromium'
import type { B2PageParams } from './b2-protocol'
import { measureB2Round, type B2Round } from './b2-round'
import { serveStatic } from './static-server'
import { buildBenchPage, tempDir } from './web-builds'

export interface B2Options {
  seconds: number
  features: number
  rate: number
  rounds: number
  seed: number
}

/** The BFF paces each live stream at 15 messages/s (token bucket), so events come in batches. */
const MESSAGES_PER_SECOND = 15
const WARMUP_SECONDS = 2
const SETTLE_MS = 1000

export interface B2PathSummary {
  path: B2Round['path']
  rounds: number
  windowMs: number
  mainThreadBusyMs: number
  busyPercent: number
  mainThreadCpuMs: number
  scriptMs: number
  longTasks: number
  longestTaskMs: number | null
  /** From the trace: the longest task's CPU time and the tasks over 50 ms of CPU time. */
  longestTaskCpuMs: number
  tasksOver50Cpu: number
  workerBusyMs: number
  workerCpuMs: number
  frames: number
  maxFrameGapMs: number
  maxLateMs: number
  machineBusyPercent: number
}

export interface B2Result {
  browser: { version: string; webglRenderer: string }
  options: B2Options & { messagesPerSecond: number; warmupSeconds: number; settleMs: number }
  rounds: B2Round[]
  summary: B2PathSummary[]
  /** Median main-thread busy time, ours ÷ naive. */
  ratio: number
}

/** B2: the wall's live update path against setData-per-event, in headless Chromium. */
export async function runB2Bench(options: B2Options): Promise<B2Result> {
  const page = tempDir('cityops-b2-page-')
  const cleanup: (() => Promise<unknown> | void)[] = [page.dispose]
  try {
    log('building the bench page (apps/web/bench/b2.html)')
    await buildBenchPage(page.path)
    const server = await serveStatic([page.path, path.join(REPO_ROOT, 'public')])
    cleanup.push(server.close)
    const browser = await launchChromium()
    cleanup.push(() => browser.close())
    const rounds = await runRounds(browser, server.url, options)
    const summary = (['ours', 'naive'] as const).map((p) => summarize(p, rounds))
    const [ours, naive] = summary
    const ratio = (ours?.mainThreadBusyMs ?? Number.NaN) / (naive?.mainThreadBusyMs ?? Number.NaN)
    return {
      browser: { version: browser.version(), webglRenderer: rounds[0]?.webglRenderer ?? '?' },
      options: {
        ...options,
        messagesPerSecond: MESSAGES_PER_SECOND,
        warmupSeconds: WARMUP_SECONDS,
        settleMs: SETTLE_MS,
      },
      rounds,
      summary,
      ratio,
    }
  } finally {
    for (const step of cleanup.reverse()) await step()
  }
}

/** Pairs of rounds, alternating which path goes first; each path checked against its state. */
async function runRounds(browser: Browser, url: string, options: B2Options): Promise<B2Round[]> {
  const rounds: B2Round[] = []
  for (let i = 0; i < options.rounds; i++) {
    const order: B2PageParams['path'][] = i % 2 === 0 ? ['ours', 'naive'] : ['naive', 'ours']
    for (const [position, name] of order.entries()) {
      log(`round ${i + 1}/${options.rounds}: ${name} (${options.seconds} s)`)
      const round = await measureB2Round(browser, url, paramsFor(name, options), position)
      log(
        `  main thread ${Math.round(round.mainThreadBusyMs)} ms busy of ${Math.round(round.windowMs)} ms, ` +
          `${round.longTasks} long tasks (longest CPU ${Math.round(round.trace.longestCpuMs)} ms), ` +
          `machine ${Math.round(round.machineBusyPercent)} %`,
      )
      if (!round.isLastEventInSource || round.sourceFeatures !== options.features)
        throw new Error(`B2 ${name}: the map source does not hold the final state`)
      rounds.push(round)
    }
  }
  return rounds
}

const paramsFor = (name: B2PageParams['path'], o: B2Options): B2PageParams => ({
  path: name,
  features: o.features,
  rate: o.rate,
  messagesPerSecond: MESSAGES_PER_SECOND,
  warmupSeconds: WARMUP_SECONDS,
  seconds: o.seconds,
  settleMs: SETTLE_MS,
  seed: o.seed,
})

function summarize(name: B2Round['path'], all: B2Round[]): B2PathSummary {
  const rs = all.filter((r) => r.path === name)
  const m = (pick: (r: B2Round) => number) => median(rs.map(pick))
  const longest = rs.flatMap((r) => (r.longestTaskMs === null ? [] : [r.longestTaskMs]))
  return {
    path: name,
    rounds: rs.length,
    windowMs: m((r) => r.windowMs),
    mainThreadBusyMs: m((r) => r.mainThreadBusyMs),
    busyPercent: m((r) => (100 * r.mainThreadBusyMs) / r.windowMs),
    mainThreadCpuMs: m((r) => r.mainThreadCpuMs),
    scriptMs: m((r) => r.scriptMs),
    longTasks: m((r) => r.longTasks),
    longestTaskMs: longest.length ? Math.max(...longest) : null,
    longestTaskCpuMs: Math.max(...rs.map((r) => r.trace.longestCpuMs)),
    tasksOver50Cpu: m((r) => r.trace.overLimitCpu),
    workerBusyMs: m((r) => r.trace.workerBusyMs),
    workerCpuMs: m((r) => r.trace.workerCpuMs),
    frames: m((r) => r.frames),
    maxFrameGapMs: Math.max(...rs.map((r) => r.maxFrameGapMs)),
    maxLateMs: Math.max(...rs.map((r) => r.maxLateMs)),
    machineBusyPercent: m((r) => r.machineBusyPercent),
  }
}

const log = (message: string) => console.log(`bench B2: ${message}`)
