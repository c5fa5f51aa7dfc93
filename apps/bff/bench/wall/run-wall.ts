import { execFileSync } from 'node:child_process'
import { REPO_ROOT } from '../../src/config'
import type { BenchConfig } from '../config'
import { median } from '../support/table'
import { runB2Bench, type B2Result } from './run-b2'
import { runB5Bench, type B5Result } from './b5-startup'
import { measureBundle, type B6Result } from './b6-bundle'
import { buildWebApp, tempDir } from './web-builds'

export interface WallResults {
  b2: B2Result | null
  b5: { rounds: B5Result[]; median: B5Result } | null
  b6: B6Result | null
}

/**
 * The operations wall's benchmarks. B6 and B5 share one production build of apps/web in a temp
 * dir (B6 reports its time; B5 starts after it, so the build is not part of the start-up).
 */
export async function runWallBench(config: BenchConfig): Promise<WallResults> {
  const { runB2, runB5, runB6 } = config.wall
  const results: WallResults = { b2: null, b5: null, b6: null }
  if (runB5 || runB6) {
    const dist = tempDir('cityops-web-build-')
    try {
      log('production build of apps/web into a temp dir')
      const buildMs = await buildWebApp(dist.path)
      if (runB6) results.b6 = measureBundle(dist.path, buildMs)
      if (runB5) results.b5 = await runB5Rounds(dist.path, config.wall.b5Rounds)
    } finally {
      dist.dispose()
    }
  }
  if (runB2) results.b2 = await runB2Bench(config.wall.b2)
  return results
}

async function runB5Rounds(webDistDir: string, count: number) {
  const rounds: B5Result[] = []
  // What `npm ci` leaves behind (its postinstall): the prepared empty database. Not timed.
  log('B5: npm run db:template (as npm ci does)')
  execFileSync('npm', ['run', 'db:template', '--workspace', '@cityops/bff', '--silent'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  })
  for (let i = 0; i < count; i++) {
    log(`B5 round ${i + 1}/${count}: npm start on an empty data dir`)
    rounds.push(await runB5Bench(webDistDir))
  }
  const first = rounds[0]
  if (!first) throw new Error('B5 ran no rounds')
  const m = (pick: (r: B5Result) => number) => median(rounds.map(pick))
  const middle: B5Result = {
    command: first.command,
    listening: m((r) => r.listening),
    serving: m((r) => r.serving),
    loginPageLoaded: m((r) => r.loginPageLoaded),
    loggedIn: m((r) => r.loggedIn),
    mapLoaded: m((r) => r.mapLoaded),
    firstEventDrawn: m((r) => r.firstEventDrawn),
    machineBusyPercent: m((r) => r.machineBusyPercent),
    log: first.log,
  }
  return { rounds, median: middle }
}

const log = (message: string) => console.log(`bench wall: ${message}`)
