import type { Browser, CDPSession, Page } from 'playwright-core'
import { busyPercent, machineCpu } from '../support/proc-stat'
import { WALL_VIEWPORT } from './chromium'
import { B2PageResult, B2Setup, B2Verify, CdpMetrics, type B2PageParams } from './b2-protocol'
import { pageTasks, type PageTasks } from './trace-tasks'

/** A long task, as the Long Tasks API defines it. */
export const LONG_TASK_MS = 50

export interface B2Round {
  path: B2PageParams['path']
  /** Position in its pair (0 = ran first). */
  order: number
  events: number
  messages: number
  windowMs: number
  /** Renderer main thread: wall time inside tasks (CDP TaskDuration) and its CPU time. */
  mainThreadBusyMs: number
  mainThreadCpuMs: number
  scriptMs: number
  /** Long Tasks API (wall time): count and longest. */
  longTasks: number
  longestTaskMs: number | null
  /** The same window from a `toplevel` trace, with each task's CPU time. */
  trace: PageTasks
  frames: number
  maxFrameGapMs: number
  maxLateMs: number
  drawnAtStart: number
  webglRenderer: string
  sourceFeatures: number
  isLastEventInSource: boolean
  machineBusyPercent: number
}

async function metrics(cdp: CDPSession) {
  return CdpMetrics.parse(await cdp.send('Performance.getMetrics'))
}

const delta = (a: Map<string, number>, b: Map<string, number>, name: string) =>
  ((b.get(name) ?? Number.NaN) - (a.get(name) ?? Number.NaN)) * 1000

function evaluate(page: Page, call: string, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`B2 page: ${call} took over ${timeoutMs} ms`)),
      timeoutMs,
    )
  })
  return Promise.race([page.evaluate(`window.__b2.${call}`), timeout]).finally(() =>
    clearTimeout(timer),
  )
}

/** Warm-up done: trace and CDP metrics around the window, until the page says it is over. */
async function measureWindow(browser: Browser, page: Page, cdp: CDPSession, budgetMs: number) {
  await evaluate(page, 'warmedUp()', budgetMs)
  await browser.startTracing(page, { categories: ['toplevel'] })
  const [before, cpuBefore] = [await metrics(cdp), machineCpu()]
  const result = B2PageResult.parse(await evaluate(page, 'finished()', budgetMs))
  const [after, cpuAfter] = [await metrics(cdp), machineCpu()]
  const trace = pageTasks(await browser.stopTracing(), LONG_TASK_MS)
  const d = (name: string) => delta(before, after, name)
  return {
    result,
    trace,
    windowMs: d('Timestamp'),
    mainThreadBusyMs: d('TaskDuration'),
    mainThreadCpuMs: d('ThreadTime'),
    scriptMs: d('ScriptDuration'),
    machineBusyPercent: busyPercent(cpuBefore, cpuAfter),
  }
}

/** One path in a fresh page: set up, warm up, then CDP metrics around the measured window. */
export async function measureB2Round(
  browser: Browser,
  url: string,
  params: B2PageParams,
  order: number,
): Promise<B2Round> {
  const context = await browser.newContext({ viewport: WALL_VIEWPORT, deviceScaleFactor: 1 })
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' })
    await page.goto(`${url}/b2.html`)
    const setup = B2Setup.parse(await evaluate(page, `setup(${JSON.stringify(params)})`, 180_000))
    await evaluate(page, 'start()', 10_000)
    const budgetMs = (params.warmupSeconds + params.seconds) * 3000 + 60_000
    const { result, ...window } = await measureWindow(browser, page, cdp, budgetMs)
    const check = B2Verify.parse(await evaluate(page, 'verify()', 60_000))
    if (errors.length) throw new Error(`B2 page errors: ${errors.join('; ')}`)
    const longest = result.longTasks.map((t) => t.duration)
    return {
      path: params.path,
      order,
      events: result.events,
      messages: result.messages,
      ...window,
      longTasks: longest.length,
      longestTaskMs: longest.length ? Math.max(...longest) : null,
      frames: result.frames,
      maxFrameGapMs: result.maxFrameGapMs,
      maxLateMs: result.maxLateMs,
      drawnAtStart: setup.drawn,
      webglRenderer: setup.renderer,
      sourceFeatures: check.sourceFeatures,
      isLastEventInSource: check.isLastEventInSource,
    }
  } finally {
    await context.close()
  }
}
