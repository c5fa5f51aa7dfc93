import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEMO_PASSWORD } from '@cityops/domain'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config'
import { startSimulator } from '../src/simulator/run-simulator'
import { runBff, stopBff } from './support/run-bff'
import { createTestDatabase, DRIVERS } from './support/test-databases'

const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-simconfig-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('simulator configuration', () => {
  const load = (env: Record<string, string>) => loadConfig(env, 'test')
  const URL = 'postgres://u@db.example/cityops'

  it('is on in embedded mode and off with DATABASE_URL unless SIMULATOR says otherwise', () => {
    expect(load({})).toMatchObject({ simulator: true, simSeed: 'zhengzhou', simSpeed: 1 })
    expect(load({ DATABASE_URL: URL }).simulator).toBe(false)
    expect(load({ DATABASE_URL: URL, SIMULATOR: 'on' }).simulator).toBe(true)
    expect(load({ SIMULATOR: 'off' }).simulator).toBe(false)
    expect(load({ SIM_SEED: 'demo', SIM_SPEED: '60' })).toMatchObject({
      simSeed: 'demo',
      simSpeed: 60,
    })
  })

  it.each([
    [{ SIMULATOR: 'yes' }, /^SIMULATOR must be on or off \(SIMULATOR\); fix it/],
    [{ SIM_SPEED: '0' }, /^SIM_SPEED must be greater than 0 \(SIM_SPEED\)/],
    [{ SIM_SPEED: '7200' }, /^SIM_SPEED must be at most 3600/],
    [{ SIM_SPEED: 'fast' }, /^SIM_SPEED must be a number/],
  ])('refuses %o in one sentence', (env, message) => {
    expect(() => load(env)).toThrow(message)
  })
})

async function operatorGet(port: number, resource: string) {
  const base = `http://127.0.0.1:${port}`
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'operator', password: DEMO_PASSWORD }),
  })
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? ''
  const res = await fetch(`${base}${resource}`, { headers: { cookie } })
  return (await res.json()) as { features: { properties: Record<string, unknown> }[] }
}

describe('the BFF process', { timeout: 180_000 }, () => {
  const dataDir = path.join(scratch, 'data')

  it('does not start the simulator with SIMULATOR=off', async () => {
    const run = runBff({ DATA_DIR: dataDir, SIMULATOR: 'off' })
    const port = await run.ready
    await new Promise((r) => setTimeout(r, 3000))
    const traffic = await operatorGet(port, '/api/layers/traffic')
    const units = await operatorGet(port, '/api/layers/units')
    const { code, stdout } = await stopBff(run)
    expect(code).toBe(0)
    expect(stdout).toContain('simulator off')
    expect(stdout).not.toContain('simulator on')
    expect(traffic.features.filter((f) => f.properties.speedKmh !== null)).toEqual([])
    expect(units.features).toEqual([])
  })

  it('brings the city to life within seconds when it is on (the embedded default)', async () => {
    // SIMULATOR empty = not set (runBff turns the feed off unless told), so the default applies
    const run = runBff({ DATA_DIR: dataDir, SIMULATOR: '' })
    const port = await run.ready
    let moving = 0
    for (let i = 0; i < 40 && moving === 0; i++) {
      await new Promise((r) => setTimeout(r, 500))
      const traffic = await operatorGet(port, '/api/layers/traffic')
      moving = traffic.features.filter((f) => typeof f.properties.speedKmh === 'number').length
    }
    const units = await operatorGet(port, '/api/layers/units')
    const { code, stdout } = await stopBff(run)
    expect(code).toBe(0)
    expect(stdout).toMatch(/simulator on \(seed zhengzhou, 1× real time\)/)
    expect(moving).toBeGreaterThan(2000)
    expect(units.features).toHaveLength(137)
  })
})

describe.skipIf(!DRIVERS.includes('postgres'))('several nodes on one PostgreSQL', () => {
  it('runs the simulator on one node only (advisory lock)', async () => {
    const t = await createTestDatabase('postgres')
    const logs: string[] = []
    const start = () =>
      startSimulator({
        database: t.handle,
        databaseUrl: t.url,
        clock: () => new Date('2026-11-20T09:30:00Z'),
        seed: 'lock',
        speed: 1,
        log: (line) => logs.push(line),
        isAutomatic: false,
      })
    try {
      const first = await start()
      expect(first).not.toBeNull()
      expect(await start()).toBeNull()
      expect(logs).toContain('simulator already running on another node')
      await first?.stop()
      const third = await start()
      expect(third).not.toBeNull()
      await third?.stop()
    } finally {
      await t.dispose()
    }
  })
})
