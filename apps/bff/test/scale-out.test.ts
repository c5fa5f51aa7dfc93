import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LiveClient, settle } from './support/live-client'
import { loginOverHttp } from './support/sessions'
import { runBff, stopBff, type BffRun } from './support/run-bff'
import {
  createScratchPostgresDatabase,
  dropScratchPostgresDatabase,
} from './support/test-databases'

// Two BFF processes, one PostgreSQL, socket.io's Redis Streams adapter between them — and a
// Redis of our own, so the test can stop it without touching the machine's.

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await new Promise((r) => probe.once('listening', r))
  const address = probe.address()
  await new Promise((r) => probe.close(r))
  return typeof address === 'object' && address ? address.port : 0
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve(child)
    })
    child.on('error', (e) =>
      reject(new Error(`redis-server is needed for this test: ${e.message}`)),
    )
  })
}

describe.runIf(process.env.TEST_DATABASE_URL)('two BFF nodes with Redis and PostgreSQL', () => {
  let dbUrl: URL
  let redisPort: number
  let redis: ChildProcess
  let a: BffRun
  let b: BffRun
  const urls: string[] = []
  const clients: LiveClient[] = []

  beforeAll(async () => {
    dbUrl = await createScratchPostgresDatabase()
    redisPort = await freePort()
    redis = await startRedis(redisPort)
    const env = {
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DEMO_ACCOUNTS: '1',
    }
    a = runBff(env)
    urls.push(`http://127.0.0.1:${await a.ready}`)
    b = runBff(env)
    urls.push(`http://127.0.0.1:${await b.ready}`)
  }, 120_000)

  afterAll(async () => {
    for (const c of clients) c.close()
    await Promise.all([a && stopBff(a), b && stopBff(b)])
    redis?.kill('SIGKILL')
    if (dbUrl) await dropScratchPostgresDatabase(dbUrl)
  })

  const [nodeA, nodeB] = [() => urls[0] ?? '', () => urls[1] ?? '']

  const login = (url: string) => loginOverHttp(url, 'operator')
  async function createIncidents(url: string, cookie: string, n: number, label: string) {
    const seqs: number[] = []
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${url}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, cookie },
        body: JSON.stringify({
          title: `${label} ${i}`,
          category: 'trafficAccident',
          grade: 'IV',
          location: [113.62 + i / 1000, 34.75],
        }),
      })
      expect(res.status).toBe(201)
      seqs.push(((await res.json()) as { seq: number }).seq)
    }
    return seqs
  }

  it('delivers events written on one node to clients of the other exactly once, Redis up or down', async () => {
    const cookie = await login(nodeA())
    const watcher = new LiveClient(nodeB(), cookie)
    clients.push(watcher)
    await watcher.subscribe({ topics: ['incidents'] })

    const written = await createIncidents(nodeA(), cookie, 10, 'A 路口事故')
    await watcher.waitFor(10)

    redis.kill('SIGKILL') // Redis gone while writes continue
    written.push(...(await createIncidents(nodeA(), cookie, 10, 'Redis 停止期间')))
    await watcher.waitFor(20)

    redis = await startRedis(redisPort)
    written.push(...(await createIncidents(nodeB(), cookie, 5, 'Redis 恢复后')))
    await watcher.waitFor(25)
    await settle(600)
    expect(watcher.events.map((e) => e.seq)).toEqual(written)
  })

  it('a logout on one node disconnects that session’s socket on the other', async () => {
    const cookie = await login(nodeA())
    await settle(1500) // the adapter reconnects to the restarted Redis
    const socketOnB = new LiveClient(nodeB(), cookie)
    clients.push(socketOnB)
    await socketOnB.subscribe({ topics: ['incidents'] })
    const reason = new Promise<string>((resolve) => socketOnB.socket.on('disconnect', resolve))
    const out = await fetch(`${nodeA()}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: nodeA() },
    })
    expect(out.status).toBe(204)
    expect(await reason).toBe('io server disconnect')
  })
})
