import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DEMO_API_KEY } from '../src/services/users/seed-demo-accounts'
import { geoReportValidators, schemaErrors } from './open311-schemas'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const V = geoReportValidators()
const BASE = '/open311/v2'
const PRIVATE = {
  email: 'leak@example.cn',
  first_name: 'Secret',
  last_name: 'Person',
  phone: '13912345678',
  device_id: 'dev-42',
}

const Receipts = z.tuple([z.object({ service_request_id: z.string() })])

interface Open311Request {
  service_request_id: string
  status: string
  x_state: string
  service_code: string
  agency_responsible: string | null
  expected_datetime: string | null
  requested_datetime: string
}

describe.each(DRIVERS)('Open311 GeoReport v2 GET requests on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  const ids: string[] = []
  const get = async (path: string) => {
    const res = await env.app.request(`${BASE}/${path}`)
    return { status: res.status, text: await res.text() }
  }
  const list = async (path: string): Promise<Open311Request[]> => {
    const { status, text } = await get(path)
    expect(status, text).toBe(200)
    const body: unknown = JSON.parse(text)
    expect(schemaErrors(V.requests, body)).toEqual([])
    return JSON.parse(text)
  }

  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    for (const [code, lat] of [
      ['E0102', '34.78'],
      ['E0201', '34.76'],
      ['C0201', '34.75'],
    ] as const) {
      const res = await env.app.request(`${BASE}/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: DEMO_API_KEY,
          service_code: code,
          lat,
          long: '113.68',
          description: `${code} 测试`,
          address_string: '金水路',
          ...PRIVATE,
        }).toString(),
      })
      expect(res.status).toBe(200)
      const [receipt] = Receipts.parse(await res.json())
      ids.push(receipt.service_request_id)
    }
    // Move the second case along the workflow by hand (the workflow endpoints come later).
    await t.handle.db.execute(
      sql`update city_cases set status = 'DISPATCHED', responsible_department = 'cgj',
            deadline = '2026-11-21T09:00:00Z', updated_at = '2026-11-20T03:00:00Z', version = 3
          where request_number = ${ids[1]}`,
    )
    await t.handle.db.execute(
      sql`update city_cases set status = 'CLOSED' where request_number = ${ids[2]}`,
    )
  })
  afterAll(() => t?.dispose())

  it('lists the last 90 days by default, newest first, valid against requests.json', async () => {
    const all = await list('requests.json')
    expect(all.map((r) => r.service_request_id).sort()).toEqual([...ids].sort())
    expect(all[0]?.requested_datetime).toMatch(/^2026-11-20T10:00:00\+08:00$/)
  })

  it('maps our fine states to open/closed with bilingual notes, agency and deadline', async () => {
    const [dispatched] = await list(`requests/${ids[1]}.json`)
    expect(dispatched).toMatchObject({
      status: 'open',
      x_state: 'DISPATCHED',
      status_notes: expect.stringMatching(/派遣 \/ Dispatched/),
      service_code: 'E0201',
      agency_responsible: expect.stringMatching(/.+ \/ .+/),
      expected_datetime: '2026-11-21T17:00:00+08:00',
      updated_datetime: '2026-11-20T11:00:00+08:00',
    })
    const [closed] = await list(`requests/${ids[2]}.json`)
    expect(closed).toMatchObject({
      status: 'closed',
      x_state: 'CLOSED',
      agency_responsible: null,
      expected_datetime: null,
    })
  })

  it('filters by status, service_code and service_request_id', async () => {
    expect((await list('requests.json?status=closed')).map((r) => r.service_request_id)).toEqual([
      ids[2],
    ])
    expect((await list('requests.json?status=open')).length).toBe(2)
    expect((await list('requests.json?status=open,closed')).length).toBe(3)
    expect((await list('requests.json?service_code=E0201,C0201')).length).toBe(2)
    // service_request_id overrides every other parameter (GeoReport v2)
    const byId = await list(`requests.json?service_request_id=${ids[0]},${ids[2]}&status=open`)
    expect(byId.map((r) => r.service_request_id).sort()).toEqual([ids[0], ids[2]].sort())
  })

  it('honours the date window and refuses spans over 90 days', async () => {
    expect(await list('requests.json?start_date=2026-11-21T00:00:00%2B08:00')).toEqual([])
    expect((await list('requests.json?end_date=2026-11-20T12:00:00%2B08:00')).length).toBe(3)
    const wide = await get(
      'requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-20T00:00:00Z',
    )
    expect(wide.status).toBe(400)
    expect(schemaErrors(V.errors, JSON.parse(wide.text))).toEqual([])
    expect((await get('requests.json?start_date=yesterday')).status).toBe(400)
    expect((await get('requests.json?service_code=Z0000')).status).toBe(404)
  })

  it('never returns reporter identity on public reads', async () => {
    const bodies = [
      (await get('requests.json')).text,
      ...(await Promise.all(ids.map(async (id) => (await get(`requests/${id}.json`)).text))),
    ]
    for (const body of bodies) {
      for (const secret of Object.values(PRIVATE)) expect(body).not.toContain(secret)
      expect(body).not.toMatch(/email|phone|first_name|last_name|device_id|account_id|reporter/)
    }
  })
})
