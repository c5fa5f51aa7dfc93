import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeAqi, congestionLevel, type RoadClass } from '@cityops/domain'
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

  const lastSeq = async () =>
    Number(
      (
        await queryRows<{ n: string }>(
          t.handle.db,
          sql`select last_seq::text as n from event_counter where id = 1`,
        )
      )[0]?.n,
    )
  type EventRow = {
    seq: string
    topic: string
    type: string
    entity_id: string
    version: number
    at: Date | string
    data: Record<string, unknown>
    lng: number
    lat: number
  }
  const eventsAfter = (seq: number) =>
    queryRows<EventRow>(
      t.handle.db,
      sql`select seq::text, topic, type, entity_id, version, at, data, lng, lat
          from events where seq > ${seq} order by seq`,
    )
  const stationState = async (code: string) =>
    (
      await queryRows<{ version: number; lng: number; lat: number; latest: { aqi: number } }>(
        t.handle.db,
        sql`select version, ST_X(location) as lng, ST_Y(location) as lat, latest
            from stations where code = ${code}`,
      )
    )[0]

  it('appends one event per stored reading: gap-free seqs, per-station versions in time order, the reading as data', async () => {
    const seq = await lastSeq()
    const before = await stationState('1320A')
    const late = air('1320A', 13, 30)
    const res = await post('/api/ingest/environment', {
      source: 'events-check',
      readings: [air('1320A', 14, 35), air('1321A', 14, 20), late, air('1320A', 14, 35)],
    })
    const body = (await res.json()) as { results: { status: string }[] }
    expect(body.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'duplicate'])
    const events = await eventsAfter(seq)
    expect(events.map((e) => Number(e.seq))).toEqual([seq + 1, seq + 2, seq + 3])
    expect(await lastSeq()).toBe(seq + 3)
    expect(new Set(events.map((e) => `${e.topic} ${e.type}`))).toEqual(
      new Set(['environment envReading.recorded']),
    )
    expect(events.every((e) => new Date(e.at).toISOString() === '2026-11-20T02:00:00.000Z')).toBe(
      true,
    )
    const after = await stationState('1320A')
    const own = events.filter((e) => e.entity_id === '1320A')
    expect(own.map((e) => [e.version, e.data.observedAt])).toEqual([
      [(before?.version ?? 0) + 1, '2026-11-20T05:00:00.000Z'],
      [(before?.version ?? 0) + 2, '2026-11-20T06:00:00.000Z'],
    ])
    expect(after?.version).toBe((before?.version ?? 0) + 2)
    const aqi = computeAqi(late.concentrations, { standard: 'HJ633-2026', report: 'hourly' }).aqi
    expect(own[0]?.data).toEqual({
      stationCode: '1320A',
      observedAt: '2026-11-20T05:00:00.000Z',
      aqi,
      aqiStandard: 'HJ633-2026',
      concentrations: late.concentrations,
      noiseLeq: null,
      waterLevelM: null,
    })
    expect([own[0]?.lng, own[0]?.lat]).toEqual([after?.lng, after?.lat])
    // the late reading is in history and in the log, but the latest state stays the newest
    const newest = air('1320A', 14, 35).concentrations
    expect(after?.latest.aqi).toBe(
      computeAqi(newest, { standard: 'HJ633-2026', report: 'hourly' }).aqi,
    )
  })

  it('stores every row and event of a batch past the old 2,000-row slice, seqs contiguous', async () => {
    const seq = await lastSeq()
    const start = Date.parse('2025-03-01T00:00:00Z')
    const codes = ['1316A', '1317A', '1318A', '1319A', '1320A']
    const versions = await Promise.all(codes.map(async (c) => (await stationState(c))?.version))
    const readings = Array.from({ length: 3001 }, (_, i) => ({
      stationCode: codes[i % 5],
      observedAt: new Date(start + Math.floor(i / 5) * 3_600_000).toISOString(),
      noiseLeqDbA: 40 + (i % 30),
    }))
    const res = await post('/api/ingest/environment', { source: 'slices', readings })
    expect(await res.json()).toMatchObject({ stored: 3001, duplicate: 0, invalid: 0 })
    const events = await eventsAfter(seq)
    expect(events).toHaveLength(3001)
    expect(events.map((e) => Number(e.seq))).toEqual(events.map((_, i) => seq + 1 + i))
    expect(await lastSeq()).toBe(seq + 3001)
    for (const [k, code] of codes.entries()) {
      const own = events.filter((e) => e.entity_id === code)
      const first = (versions[k] ?? 0) + 1
      expect(own.map((e) => e.version)).toEqual(own.map((_, i) => first + i))
      expect((await stationState(code))?.version).toBe(first + own.length - 1)
    }
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

  it('appends one traffic event per segment moved, with the batch count and the midpoint', async () => {
    const [segment] = await queryRows<{
      id: string
      road_class: RoadClass
      mid: string
      version: number
    }>(
      t.handle.db,
      sql`select id, road_class, version,
            ST_AsGeoJSON(ST_LineInterpolatePoint(geom, 0.5), 6) as mid
          from road_segments order by id desc limit 1`,
    )
    if (!segment) throw new Error('no road segment in the reference data')
    const seq = await lastSeq()
    const res = await post('/api/ingest/traffic', {
      source: 'floating-car',
      readings: [
        { segmentId: segment.id, observedAt: hour(15), speedKmh: 50 },
        { segmentId: segment.id, observedAt: hour(16), speedKmh: 12.5 },
        { segmentId: segment.id, observedAt: hour(16), speedKmh: 12.5 },
      ],
    })
    const body = (await res.json()) as { results: { status: string }[] }
    expect(body.results.map((r) => r.status)).toEqual(['stored', 'stored', 'duplicate'])
    const events = await eventsAfter(seq)
    expect(events).toHaveLength(1)
    const [lng, lat] = (JSON.parse(segment.mid) as { coordinates: [number, number] }).coordinates
    expect(events[0]).toMatchObject({
      topic: 'traffic',
      type: 'trafficReading.recorded',
      entity_id: segment.id,
      version: segment.version + 1,
      lng,
      lat,
      data: {
        segmentId: segment.id,
        speedKmh: 12.5,
        congestionLevel: congestionLevel(12.5, segment.road_class),
        observedAt: '2026-11-20T08:00:00.000Z',
        readings: 2,
      },
    })
    // an older reading arriving late is kept in history but moves nothing
    const late = await post('/api/ingest/traffic', {
      source: 'floating-car',
      readings: [{ segmentId: segment.id, observedAt: hour(14), speedKmh: 70 }],
    })
    expect(await late.json()).toMatchObject({ stored: 1 })
    expect(await lastSeq()).toBe(seq + 1)
  })

  it('refuses callers without the ingest scope', async () => {
    expect(
      (await post('/api/ingest/traffic', { source: 'x', readings: [{}] }, 'not-a-key')).status,
    ).toBe(401)
    const anonymous = await env.app.request('/api/ingest/traffic', { method: 'POST', body: '{}' })
    expect(anonymous.status).toBe(401)
  })
})
