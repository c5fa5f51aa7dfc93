import type { Verdict } from '../report'
import { fixed, formatTable } from '../support/table'
import { WALL_ROUTE_MODULE, type FileSize } from './b6-bundle'
import type { WallResults } from './run-wall'

const kB = (bytes: number) => fixed(bytes / 1000, 1)
const gzipOf = (files: FileSize[]) => files.reduce((a, f) => a + f.gzipBytes, 0)

export const B2_MAX_RATIO = 0.5
export const B2_MAX_TASK_MS = 50
export const B5_MAX_MS = 10_000
export const B6_MAX_GZIP = 600_000

export function wallVerdicts({ b2, b5, b6 }: WallResults): Verdict[] {
  const verdicts: Verdict[] = []
  if (b2) {
    const ours = b2.summary.find((s) => s.path === 'ours')
    const naive = b2.summary.find((s) => s.path === 'naive')
    verdicts.push({
      target: `B2 main-thread busy ≤ ${B2_MAX_RATIO}× setData per event`,
      measured: `${fixed(b2.ratio, 2)}× (${fixed(ours?.mainThreadBusyMs ?? Number.NaN, 0)} vs ${fixed(naive?.mainThreadBusyMs ?? Number.NaN, 0)} ms)`,
      isMet: b2.ratio <= B2_MAX_RATIO,
    })
    const longest = ours?.longestTaskMs ?? null
    verdicts.push({
      target: `B2 no long task over ${B2_MAX_TASK_MS} ms (ours, wall time)`,
      measured: longest === null ? 'none' : `longest ${fixed(longest, 0)} ms`,
      isMet: longest === null || longest <= B2_MAX_TASK_MS,
    })
    const longestCpu = ours?.longestTaskCpuMs ?? Number.NaN
    verdicts.push({
      target: `B2 no task over ${B2_MAX_TASK_MS} ms of CPU time (ours, load-independent)`,
      measured: `longest ${fixed(longestCpu, 0)} ms`,
      isMet: longestCpu <= B2_MAX_TASK_MS,
    })
  }
  if (b5)
    verdicts.push({
      target: `B5 npm start → first live event drawn ≤ ${B5_MAX_MS / 1000} s`,
      measured: `${fixed(b5.median.firstEventDrawn / 1000, 1)} s`,
      isMet: b5.median.firstEventDrawn <= B5_MAX_MS,
    })
  if (b6)
    verdicts.push({
      target: `B6 initial + wall route JS ≤ ${B6_MAX_GZIP / 1000} kB gzip`,
      measured: `${kB(b6.wallAllInGzip)} kB`,
      isMet: b6.wallAllInGzip <= B6_MAX_GZIP,
    })
  return verdicts
}

export function printWall({ b2, b5, b6 }: WallResults) {
  if (b2) {
    const o = b2.options
    console.log(
      `\nB2 live update path — ${o.features} points, ${o.rate} ev/s in ${o.messagesPerSecond} msg/s, ` +
        `${o.seconds} s window (+${o.warmupSeconds} s warm-up), ${b2.rounds.length / 2} round(s); ratio ${fixed(b2.ratio, 2)}`,
    )
    const header = ['path', 'window ms', 'busy ms', 'busy %', 'CPU ms', 'script ms', 'long tasks']
    header.push('longest ms', 'longest CPU ms', 'worker ms', 'worker CPU ms', 'frames')
    header.push('max frame gap', 'max late ms', 'machine%')
    const rows = b2.summary.map((s) => [
      s.path,
      fixed(s.windowMs, 0),
      fixed(s.mainThreadBusyMs, 0),
      fixed(s.busyPercent, 1),
      fixed(s.mainThreadCpuMs, 0),
      fixed(s.scriptMs, 0),
      fixed(s.longTasks, 0),
      s.longestTaskMs === null ? '—' : fixed(s.longestTaskMs, 0),
      fixed(s.longestTaskCpuMs, 0),
      fixed(s.workerBusyMs, 0),
      fixed(s.workerCpuMs, 0),
      fixed(s.frames, 0),
      fixed(s.maxFrameGapMs, 0),
      fixed(s.maxLateMs, 0),
      fixed(s.machineBusyPercent, 0),
    ])
    console.log(formatTable(header, rows))
    console.log(`Chromium ${b2.browser.version}, WebGL: ${b2.browser.webglRenderer}`)
  }
  if (b5) {
    console.log(
      `\nB5 start-up — ${b5.median.command}; median of ${b5.rounds.length}, s since spawn`,
    )
    const rows = b5.rounds.map((r, i) => [
      String(i + 1),
      ...[
        r.listening,
        r.serving,
        r.loginPageLoaded,
        r.loggedIn,
        r.mapLoaded,
        r.firstEventDrawn,
      ].map((t) => fixed(t / 1000, 2)),
      fixed(r.machineBusyPercent, 0),
    ])
    const header = [
      'round',
      'listening',
      'serving',
      'login page',
      'logged in',
      'map loaded',
      '1st event drawn',
    ]
    header.push('machine%')
    console.log(formatTable(header, rows))
    for (const line of b5.median.log)
      console.log(`  ${fixed(line.at / 1000, 2).padStart(7)} s  ${line.text}`)
  }
  if (b6) {
    console.log(
      `\nB6 bundle — production build in ${fixed(b6.buildMs / 1000, 1)} s; kB = 1,000 bytes`,
    )
    const row = (what: string, files: FileSize[]) => [
      what,
      files.map((f) => f.file.replace(/^assets\//, '')).join(' '),
      kB(files.reduce((a, f) => a + f.bytes, 0)),
      kB(gzipOf(files)),
    ]
    const rows = [
      row('initial', b6.initial),
      ...b6.lazy.map((g) =>
        row(g.entry === WALL_ROUTE_MODULE ? 'wall route (lazy)' : `lazy ${g.entry}`, g.files),
      ),
      row('MapLibre worker', b6.workers),
    ]
    console.log(formatTable(['what', 'files', 'kB', 'gzip kB'], rows))
  }
}
