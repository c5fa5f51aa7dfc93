import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LiveClient, settle } from './support/live-client'
import { runBff, stopBff } from './support/run-bff'
import { loginOverHttp } from './support/sessions'

const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-restart-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function createIncident(url: string, cookie: string, title: string) {
  const res = await fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ title, category: 'fire', grade: 'IV', location: [113.66, 34.75] }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { seq: number }).seq
}

describe('replay across a BFF restart', () => {
  it('a client resuming after the server restarted gets exactly what it missed, from the database', async () => {
    const env = { DATA_DIR: path.join(scratch, 'data') }
    const first = runBff(env)
    const firstUrl = `http://127.0.0.1:${await first.ready}`
    const cookie = await loginOverHttp(firstUrl, 'operator')
    const seen = await createIncident(firstUrl, cookie, '重启前')
    const missedBefore = await createIncident(firstUrl, cookie, '重启前，客户端已断开')
    expect((await stopBff(first)).code).toBe(0)

    const second = runBff(env) // same data dir, new process, new port, empty memory
    const url = `http://127.0.0.1:${await second.ready}`
    try {
      const missedAfter = await createIncident(url, cookie, '重启后')
      const client = new LiveClient(url, cookie, seen)
      await client.subscribe({ topics: ['incidents'] })
      await client.waitFor(2)
      const live = await createIncident(url, cookie, '实时')
      await client.waitFor(3)
      await settle()
      expect(client.events.map((e) => e.seq)).toEqual([missedBefore, missedAfter, live])
      client.close()
    } finally {
      await stopBff(second)
    }
  })
})
