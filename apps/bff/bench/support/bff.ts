import { DEMO_PASSWORD } from '@cityops/domain'
import { z } from 'zod'
import { runBff, stopBff, type BffRun } from '../../test/support/run-bff'
import { track } from './ipc'

export interface BenchBff {
  url: string
  pid: number
  run: BffRun
}

/** The real BFF entry point as its own process, simulator off, on the given database. */
export async function startBff(database: { dataDir: string } | { url: string }): Promise<BenchBff> {
  const env: Record<string, string> =
    'dataDir' in database
      ? { DATA_DIR: database.dataDir, SIMULATOR: 'off' }
      : { DATABASE_URL: database.url, DEMO_ACCOUNTS: '1', SIMULATOR: 'off' }
  const run = runBff(env)
  track(run.child)
  const port = await run.ready
  const pid = run.child.pid
  if (pid === undefined) throw new Error('the BFF process has no pid')
  return { url: `http://127.0.0.1:${port}`, pid, run }
}

export async function closeBff(bff: BenchBff) {
  const { code, stderr } = await stopBff(bff.run)
  if (code !== 0 && stderr) console.error(`bench: the BFF exited with ${code}: ${stderr}`)
}

/** A session cookie for a demo user, through the real login endpoint. */
export async function login(url: string, username = 'operator'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 200 || !cookie)
    throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`)
  return cookie
}

const EventsPage = z.object({ latestSeq: z.number().int() })

/** The newest seq in the event log, as the BFF reports it. */
export async function latestSeq(url: string, cookie: string): Promise<number> {
  const res = await fetch(`${url}/api/events?since=0&limit=1`, { headers: { cookie } })
  if (res.status !== 200) throw new Error(`GET /api/events: ${res.status} ${await res.text()}`)
  return EventsPage.parse(await res.json()).latestSeq
}
