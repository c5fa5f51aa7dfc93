import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows } from '../src/db/query-rows'
import { DEMO_API_KEY } from '../src/services/users/seed-demo-accounts'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

describe.each(DRIVERS)('ingestion of readings on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  })
  afterAll(() => t?.dispose())

  const post = (path: string, body: unknown, key = DEMO_API_KEY) =>
    env.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const count = async (table: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.handle.db,
          sql.raw(`select count(*)::int as n from ${table}`),
        )
      )[0]?.n,
    )

  const hour = (h: number) => `2026-11-20T${String(h).padStart(2, '0')}:00:00+08:00`
  const air = (station: string, h: number, pm25: number) => ({
    stationCode: station,
    observedAt: hour(h),
    concentrations: { pm25, pm10: pm25 * 1.7, so2: 8, no2: 40, co: 0.8, o3_1h: 60 },
  })

  it('stores a batch once, computes AQI by the standard in force, and emits one event per reading', async () => {
    const events = await count('events')
    const batch = {
      source: 'cnemc',
      readings: [air('1316A', 9, 80), air('1317A', 9, 40), air('1316A', 10, 90)],
    }
    const first = await post('/api/ingest/environment', batch)
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ stored: 3, duplicate: 0, invalid: 0 })
    const again = await post('/api/ingest/environment', batch)
    expect(await again.json()).toMatchObject({ stored: 0, duplicate: 3, invalid: 0 })
    expect(await count('env_readings')).toBe(3)
    expect((await count('events')) - events).toBe(3)
    const [latest] = await queryRows<{ aqi: number; standard: string }>(
      t.handle.db,
      sql`select (latest->>'aqi')::int as aqi, latest->>'aqiStandard' as standard from stations where code = '1316A'`,
    )
    // 2026-11-20 is after HJ 633-2026 took effect: PM2.5 90 lies between 60 (IAQI 100) and
    // 115 (IAQI 150) on its table → 100 + 50 × 30/55 = 127.3 → 128 (PM10 153 gives only 113)
    expect(latest).toEqual({ aqi: 128, standard: 'HJ633-2026' })
  })

  it('reports bad items one by one and stores the good ones', async () => {
    const res = await post('/api/ingest/environment', {
      source: 'cnemc',
      readings: [
        air('1318A', 11, 30),
        air('9999Z', 11, 30),
        { stationCode: '1318A', observedAt: 'yesterday' },
        { stationCode: '1319A', observedAt: hour(11) },
      ],
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      stored: number
      invalid: number
      results: { index: number; status: string; error?: string }[]
    }
    expect(body.stored).toBe(1)
    expect(body.results.map((r) => r.status)).toEqual(['stored', 'invalid', 'invalid', 'invalid'])
    expect(body.results[1]?.error).toContain('Unknown station 9999Z')
    expect(body.results[3]?.error).toContain('at least one measurement')
  })

  it('answers malformed JSON, an empty batch and an all-invalid batch with 400 and stores nothing', async () => {
    const before = await count('env_readings')
    expect((await post('/api/ingest/environment', '{"source": "x", "readings": [')).status).toBe(
      400,
    )
    expect((await post('/api/ingest/environment', { source: 'x', readings: [] })).status).toBe(400)
    const bad = await post('/api/ingest/environment', {
      source: 'x',
      readings: [{ stationCode: '1316A', observedAt: hour(12), concentrations: { pm25: -5 } }],
    })
    expect(bad.status).toBe(400)
    expect(await count('env_readings')).toBe(before)
  })

  it('stores a batch larger than one statement may carry (sliced inserts)', async () => {
    const stations = [
      '1316A',
      '1317A',
      '1318A',
      '1319A',
      '1320A',
      '1321A',
      '1322A',
      '1323A',
      '1324A',
    ]
    const start = Date.parse('2026-10-01T00:00:00+08:00')
    const readings = Array.from({ length: 4500 }, (_, i) => ({
      stationCode: stations[i % 9],
      observedAt: new Date(start + Math.floor(i / 9) * 3_600_000).toISOString(),
      concentrations: { pm25: 20 + (i % 50), no2: 30 },
    }))
    const res = await post('/api/ingest/environment', { source: 'archive', readings })
    expect(await res.json()).toMatchObject({ stored: 4500, duplicate: 0, invalid: 0 })
    expect((await env.app.request('/api/health')).status).toBe(200) // the database still answers
  })

  it('stores traffic readings with the congestion level from the road class', async () => {
    const [segment] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`select id from road_segments where road_class = 'arterial' order by id limit 1`,
    )
    const res = await post('/api/ingest/traffic', {
      source: 'floating-car',
      readings: [
        { segmentId: segment?.id, observedAt: hour(8), speedKmh: 18 },
        { segmentId: segment?.id, observedAt: hour(8), speedKmh: 18 },
        { segmentId: 'no-such-road', observedAt: hour(8), speedKmh: 30 },
        { segmentId: segment?.id, observedAt: hour(9), speedKmh: 400 },
      ],
    })
    const body = (await res.json()) as { results: { status: string }[] }
    expect(body.results.map((r) => r.status)).toEqual(['stored', 'duplicate', 'invalid', 'invalid'])
    const [row] = await queryRows<{ level: number }>(
      t.handle.db,
      sql`select congestion_level as level from road_segments where id = ${segment?.id}`,
    )
    expect(row?.level).toBe(4) // 主干路 15 < v ≤ 20 → 中度拥堵 (GB/T 33171)
  })

  it('refuses callers without the ingest scope', async () => {
    expect(
      (await post('/api/ingest/traffic', { source: 'x', readings: [{}] }, 'not-a-key')).status,
    ).toBe(401)
    const anonymous = await env.app.request('/api/ingest/traffic', { method: 'POST', body: '{}' })
    expect(anonymous.status).toBe(401)
  })
})
