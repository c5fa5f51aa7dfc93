import { gcj02ToWgs84, wgs84ToGcj02 } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { queryRows } from '../src/db/query-rows'
import { createApiKey } from '../src/services/api-keys/api-keys'
import { DEMO_API_KEY } from '../src/services/users/seed-demo-accounts'
import { geoReportValidators, schemaErrors } from './open311-schemas'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const V = geoReportValidators()
const BASE = '/open311/v2'
const JINSHUI = { lat: '34.78', long: '113.68' } // inside 金水区 (WGS84)
const Services = z.array(
  z.object({ service_code: z.string(), metadata: z.boolean(), group: z.string() }),
)
const Receipts = z.tuple([z.object({ service_request_id: z.string() })])
const Requests = z.tuple([z.object({ lat: z.number(), long: z.number() })])

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
})

describe.each(DRIVERS)('Open311 GeoReport v2 services and POST on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  })
  afterAll(() => t?.dispose())

  const count = async (table: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.handle.db,
          sql.raw(`select count(*)::int as n from ${table}`),
        )
      )[0]?.n,
    )
  const post = (fields: Record<string, string>, headers?: Record<string, string>) =>
    env.app.request(`${BASE}/requests.json`, form({ api_key: DEMO_API_KEY, ...fields }, headers))
  const expectOpen311Error = async (res: Response, status: number, text?: RegExp) => {
    expect(res.status).toBe(status)
    const body: unknown = await res.json()
    expect(schemaErrors(V.errors, body)).toEqual([])
    expect(body).toEqual([{ code: status, description: expect.stringMatching(text ?? /./) }])
  }

  it('validates with schemas that do reject malformed answers', () => {
    const bad = { service_request_id: 'x', status: 'pending', requested_datetime: 'today' }
    expect(schemaErrors(V.requests, [{ ...bad, service_code: 'E0101' }])).toHaveLength(2)
    expect(schemaErrors(V.services, [{ service_code: 'E0101' }])).not.toEqual([])
    expect(schemaErrors(V.postResponse, [{ service_request_id: 42 }])).not.toEqual([])
  })

  it('lists services with kind-prefixed codes, valid against services.json', async () => {
    const res = await env.app.request(`${BASE}/services.json`)
    expect(res.status).toBe(200)
    const body: unknown = await res.json()
    expect(schemaErrors(V.services, body)).toEqual([])
    const services = Services.parse(body)
    expect(services.length).toBeGreaterThan(20) // the upstream list schema accepts []
    const codes = services.map((s) => s.service_code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual(expect.arrayContaining(['C0101', 'E0101', 'E0201']))
    expect(services.find((s) => s.service_code === 'C0101')).toMatchObject({
      metadata: true,
      group: '部件/公用设施',
    })
    expect(services.find((s) => s.service_code === 'E0201')).toMatchObject({ metadata: false })
  })

  it('answers service definitions (component attribute; events none), valid against the schema', async () => {
    for (const code of ['C0101', 'E0102']) {
      const res = await env.app.request(`${BASE}/services/${code}.json`)
      expect(res.status).toBe(200)
      const body: unknown = await res.json()
      expect(schemaErrors(V.serviceDefinition, body)).toEqual([])
      expect(body).toMatchObject({ service_code: code })
    }
    const component: unknown = await (await env.app.request(`${BASE}/services/C0101.json`)).json()
    expect(component).toHaveProperty('attributes', [
      expect.objectContaining({ code: 'component_id', required: false }),
    ])
    await expectOpen311Error(await env.app.request(`${BASE}/services/X9999.json`), 404, /X9999/)
    await expectOpen311Error(await env.app.request(`${BASE}/services/C0101.xml`), 404, /JSON/)
    await expectOpen311Error(await env.app.request(`${BASE}/services.xml`), 404, /JSON/)
  })

  it('creates a case from a form-encoded POST and answers with the id at once', async () => {
    const before = { cases: await count('city_cases'), events: await count('events') }
    const res = await post({
      service_code: 'C0101',
      ...JINSHUI,
      description: '井盖破损',
      email: 'citizen@example.cn',
      first_name: '小',
      last_name: '王',
      phone: '13800000000',
      account_id: 'acct-7',
      'attribute[component_id]': '4101050101000001',
      media_url: 'https://example.cn/p/1.jpg',
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(schemaErrors(V.postResponse, body)).toEqual([])
    expect(body).toEqual([
      {
        service_request_id: expect.stringMatching(/^ZZ-20261120-\d{6}$/),
        service_notice: expect.any(String),
        account_id: 'acct-7',
      },
    ])
    const [row] = await queryRows<Record<string, unknown>>(
      t.handle.db,
      sql`select kind, category_code, component_id, channel, status, district_code, reporter
          from city_cases where request_number = ${Receipts.parse(body)[0].service_request_id}`,
    )
    expect(row).toEqual({
      kind: 'component',
      category_code: '0101',
      component_id: '4101050101000001',
      channel: 'open311',
      status: 'REPORTED',
      district_code: '410105',
      reporter: {
        name: '小 王',
        email: 'citizen@example.cn',
        phone: '13800000000',
        accountId: 'acct-7',
      },
    })
    expect(await count('city_cases')).toBe(before.cases + 1)
    expect(await count('events')).toBe(before.events + 1)
  })

  it('accepts JSON with a Bearer key and converts GCJ-02 coordinates at the door', async () => {
    const [gLng, gLat] = wgs84ToGcj02([113.68, 34.78])
    const res = await env.app.request(`${BASE}/requests.json`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        service_code: 'E0102',
        lat: gLat,
        long: gLng,
        crs: 'GCJ02',
        attribute: {},
      }),
    })
    expect(res.status).toBe(200)
    const [{ service_request_id: id }] = Receipts.parse(await res.json())
    const [one] = Requests.parse(
      await (await env.app.request(`${BASE}/requests/${id}.json`)).json(),
    )
    const [wLng, wLat] = gcj02ToWgs84([gLng, gLat])
    expect(one.lat).toBeCloseTo(wLat, 6)
    expect(one.long).toBeCloseTo(wLng, 6)
    expect(Math.abs(one.long - gLng)).toBeGreaterThan(0.003) // the shift is hundreds of metres
  })

  it.each([
    ['missing lat/long', { service_code: 'E0102' }, 400, /lat/],
    ['only lat', { service_code: 'E0102', lat: '34.78' }, 400, /both lat and long/],
    [
      'address only (we cannot geocode offline)',
      { service_code: 'E0102', address_string: '金水路1号' },
      400,
      /geocode/,
    ],
    ['latitude out of range', { service_code: 'E0102', lat: '134.7', long: '113.68' }, 400, /lat/],
    ['longitude not a number', { service_code: 'E0102', lat: '34.78', long: 'east' }, 400, /long/],
    [
      'a location outside Zhengzhou (Beijing)',
      { service_code: 'E0102', lat: '39.9', long: '116.4' },
      400,
      /outside Zhengzhou/,
    ],
    ['unknown service_code', { service_code: 'E9999', ...JINSHUI }, 404, /E9999/],
    ['missing service_code', { ...JINSHUI }, 400, /service_code/],
    [
      'an attribute the service does not define',
      { service_code: 'E0102', ...JINSHUI, 'attribute[colour]': 'red' },
      400,
      /colour/,
    ],
    [
      'a component id of another category',
      { service_code: 'C0101', ...JINSHUI, 'attribute[component_id]': '4101050102000001' },
      400,
      /Component id/,
    ],
    [
      'a bad media_url',
      { service_code: 'E0102', ...JINSHUI, media_url: 'javascript:alert(1)' },
      400,
      /media_url/,
    ],
    [
      'a foreign jurisdiction_id',
      { service_code: 'E0102', ...JINSHUI, jurisdiction_id: 'sf' },
      404,
      /jurisdiction_id/,
    ],
  ])(
    'refuses %s in the Open311 error format, storing nothing',
    async (_label, fields, status, text) => {
      const before = { cases: await count('city_cases'), events: await count('events') }
      await expectOpen311Error(await post(fields), status, text)
      expect(await count('city_cases')).toBe(before.cases)
      expect(await count('events')).toBe(before.events)
    },
  )

  it('needs an API key with ingest.open311: 401 without or with a bad key, 403 without the scope', async () => {
    const fields = { service_code: 'E0102', ...JINSHUI }
    await expectOpen311Error(await env.app.request(`${BASE}/requests.json`, form(fields)), 401)
    await expectOpen311Error(
      await env.app.request(`${BASE}/requests.json`, form({ ...fields, api_key: 'nope' })),
      401,
      /API key/,
    )
    const readOnly = `cok_${'r'.repeat(32)}`
    await createApiKey(
      t.handle.db,
      null,
      null,
      { name: 'reader', scopes: ['case.read'] },
      env.clock.now,
      readOnly,
    )
    await expectOpen311Error(await post({ ...fields, api_key: readOnly }), 403, /ingest.open311/)
  })

  it('never lets a cookie session create requests (no origin check on this mount)', async () => {
    const cookie = await loginAs(env.app, 'intake')
    const before = await count('city_cases')
    const crossSite = form(
      { service_code: 'E0102', ...JINSHUI },
      { cookie, origin: 'https://evil.example' },
    )
    await expectOpen311Error(await env.app.request(`${BASE}/requests.json`, crossSite), 403)
    const sameSite = asBrowser(cookie, 'POST', { service_code: 'E0102', ...JINSHUI })
    await expectOpen311Error(await env.app.request(`${BASE}/requests.json`, sameSite), 403)
    expect(await count('city_cases')).toBe(before)
  })

  it('answers tokens and unknown paths with Open311 404s', async () => {
    await expectOpen311Error(
      await env.app.request(`${BASE}/tokens/123.json`),
      404,
      /service_request_id/,
    )
    await expectOpen311Error(await env.app.request(`${BASE}/nothing.json`), 404)
    await expectOpen311Error(await env.app.request(`${BASE}/requests/ZZ-19990101-000001.json`), 404)
  })

  it('applies the body limit in the Open311 error format', async () => {
    const res = await post({ service_code: 'E0102', ...JINSHUI, description: 'x'.repeat(70_000) })
    await expectOpen311Error(res, 413)
  })
})
