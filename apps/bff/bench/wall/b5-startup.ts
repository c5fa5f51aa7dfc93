import type { ChildProcess } from 'node:child_process'
import { REPO_ROOT } from '../../src/config'
import { busyPercent, machineCpu } from '../support/proc-stat'
import { launchChromium, WALL_VIEWPORT } from './chromium'
import { epochNow, openWall, stampMapLoad, TIMEOUT_MS } from './b5-wall-page'
import { freePort } from './ports'
import { spawnGroup, stopGroup } from './process-group'
import { tempDir } from './web-builds'

/** What root `npm start` runs once the web build is fresh (`build:if-stale` is the other half). */
export const B5_COMMAND = ['npm', 'run', 'start', '--workspace', '@cityops/bff'] as const
// Settings a developer's shell might carry that would change what an empty `npm start` does.
const CLEARED_ENV = [
  'DATABASE_URL',
  'SIMULATOR',
  'SIM_SPEED',
  'SIM_SEED',
  'REDIS_URL',
  'DEMO_ACCOUNTS',
]

/** Milliseconds from the spawn of the server process. */
export interface B5Result {
  command: string
  /** The port is bound and the page loads (the database may still be starting). */
  listening: number
  /** The API answers: database, accounts, live hub ready. */
  serving: number
  loginPageLoaded: number
  loggedIn: number
  mapLoaded: number
  firstEventDrawn: number
  /** How busy the whole machine was from spawn to the first event drawn (all cores, %). */
  machineBusyPercent: number
  /** The server's own log lines up to the first event drawn, for where the time went. */
  log: LogLine[]
}

export interface LogLine {
  /** ms since spawn */
  at: number
  text: string
}

/** Collects the server's log lines with their time since spawn, and when it logged `pattern`. */
function watchOutput(child: ChildProcess, spawnedAt: number) {
  const lines: LogLine[] = []
  let output = ''
  const waiters: { pattern: RegExp; resolve: (at: number) => void }[] = []
  const logged = (pattern: RegExp) =>
    new Promise<number>((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l.text))
      if (seen) return resolve(seen.at + spawnedAt)
      const timer = setTimeout(
        () => reject(new Error(`no ${pattern} line in ${TIMEOUT_MS} ms:\n${output}`)),
        TIMEOUT_MS,
      )
      waiters.push({ pattern, resolve: (at) => (clearTimeout(timer), resolve(at)) })
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)))
    })
  const onData = (chunk: Buffer) => {
    const at = epochNow()
    output += chunk.toString()
    for (const text of chunk.toString().split('\n')) {
      if (!text.startsWith('cityops:')) continue
      lines.push({ at: at - spawnedAt, text })
      for (const w of waiters) if (w.pattern.test(text)) w.resolve(at)
    }
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  return {
    lines,
    listening: logged(/listening on http:\/\//),
    serving: logged(/serving http:\/\//),
  }
}

/**
 * B5: the server started as `npm start` starts it, on an empty data dir and a free port with the
 * simulator on (the embedded default), until a browser logged in as operator has drawn the
 * first live event. `webDistDir` is a web build made beforehand (not timed).
 */
export async function runB5Bench(webDistDir: string): Promise<B5Result> {
  const dataDir = tempDir('cityops-b5-data-')
  const browser = await launchChromium()
  let server: ChildProcess | null = null
  try {
    const page = await (await browser.newContext({ viewport: WALL_VIEWPORT })).newPage()
    await stampMapLoad(page)
    const port = await freePort()
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir.path,
      PORT: String(port),
      HOST: '127.0.0.1',
    }
    for (const name of CLEARED_ENV) delete env[name]
    const [command, ...args] = B5_COMMAND
    const cpuBefore = machineCpu()
    const spawnedAt = epochNow()
    server = spawnGroup(command, args, {
      cwd: REPO_ROOT,
      env: { ...env, WEB_DIST_DIR: webDistDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = watchOutput(server, spawnedAt)
    // A wall PC's browser opens the page as soon as the port answers, as a person would.
    const listening = await output.listening
    const stamps = await openWall(page, `http://127.0.0.1:${port}`)
    const serving = await output.serving
    const since = (t: number) => t - spawnedAt
    return {
      command: `${B5_COMMAND.join(' ')} (WEB_DIST_DIR=<prebuilt>, DATA_DIR=<empty>, PORT=${port})`,
      listening: since(listening),
      serving: since(serving),
      loginPageLoaded: since(stamps.loginPageLoaded),
      loggedIn: since(stamps.loggedIn),
      mapLoaded: since(stamps.mapLoaded),
      firstEventDrawn: since(stamps.firstEventDrawn),
      machineBusyPercent: busyPercent(cpuBefore, machineCpu()),
      log: [...output.lines],
    }
  } finally {
    if (server) await stopGroup(server)
    await browser.close()
    dataDir.dispose()
  }
}
