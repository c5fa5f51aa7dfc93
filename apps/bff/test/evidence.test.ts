import { toWgs84 } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../src/db/query-rows'
import { reportCase } from '../src/services/cases/report-case'
import { diskEvidenceStore } from '../src/services/evidence/disk-evidence-store'
import { asBrowser, loginAs, ORIGIN } from './support/sessions'
import { testJpeg, testPng } from './support/test-images'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// POST/GET /api/cases/:id/evidence and GET /api/evidence/:id (docs/API.md "Evidence").

const MAX_BYTES = 32 * 1024 // small, so that oversize photos stay cheap to build
const ZZ = { lat: 34.7466, lng: 113.6253 } // 二七广场
const REPORT = {
  kind: 'event' as const,
  categoryCode: '0106',
  description: '人行道乱堆杂物',
  location: [113.68, 34.78] as [number, number],
  gridCode: '41010500100101',
  channel: 'inspector' as const,
  reporter: {},
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

interface Evidence {
  id: string
  caseId: string
  sha256: string
  contentType: string
  bytes: number
  capturedAt: string | null
  location: { type: 'Point'; coordinates: [number, number] } | null
  uploadedBy: string
  uploadedAt: string
  caseStatus: string
  url: string
}

describe.each(DRIVERS)('case evidence on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  let dir: string
  const cookies = new Map<string, string>()
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    dir = mkdtempSync(path.join(os.tmpdir(), 'cityops-evidence-'))
    env = testApp(t.handle, { evidence: { store: diskEvidenceStore(dir), maxBytes: MAX_BYTES } })
  }, 60_000)
  afterAll(async () => {
    await t?.dispose()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const cookie = async (user: string) => {
    const known = cookies.get(user) ?? (await loginAs(env.app, user))
    cookies.set(user, known)
    return known
  }
  const userId = async (user: string) => {
    const res = await env.app.request('/api/me', asBrowser(await cookie(user)))
    return ((await res.json()) as { user: { id: string } }).user.id
  }
  async function upload(
    user: string,
    caseId: string,
    bytes: Uint8Array,
    options: { name?: string; type?: string; fields?: Record<string, string> } = {},
  ) {
    const form = new FormData()
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: options.type ?? 'image/jpeg',
    })
    form.append('file', blob, options.name ?? 'photo.jpg')
    for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v)
    const res = await env.app.request(`/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: await cookie(user) },
      body: form,
    })
    return {
      status: res.status,
      body: (await res.json()) as { evidence: Evidence; error?: string },
    }
  }
  let keys = 0
  async function act(user: string, id: string, body: Record<string, unknown>) {
    const init = asBrowser(await cookie(user), 'POST', body)
    const res = await env.app.request(`/api/cases/${id}/actions`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'idempotency-key': `e-${++keys}` },
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const newCase = async () =>
    (await reportCase(t.handle.db, { actor: null, address: null }, REPORT, env.clock.now)).case.id
  async function dispatchedTo(department: string) {
    const id = await newCase()
    expect((await act('intake', id, { action: 'accept', expectedVersion: 1 })).status).toBe(200)
    expect((await act('shiftlead', id, { action: 'file', expectedVersion: 2 })).status).toBe(200)
    const sent = await act('dispatcher', id, {
      action: 'dispatch',
      expectedVersion: 3,
      departmentCode: department,
    })
    expect(sent.status).toBe(200)
    return id
  }
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: number }>(t.handle.db, query))[0]?.n)
  const filesOnDisk = () =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !e.parentPath.includes('.tmp'),
    ).length

  it('stores a JPEG with its EXIF time and GPS, one row, one audit entry, one event', async () => {
    const id = await newCase()
    const jpeg = testJpeg({
      exif: { dateTimeOriginal: '2026:11:20 09:30:15', gps: ZZ },
      comment: 'first',
    })
    const res = await upload('inspector', id, jpeg)
    expect(res.status).toBe(201)
    const e = res.body.evidence
    expect(e).toMatchObject({
      caseId: id,
      sha256: sha256(jpeg),
      contentType: 'image/jpeg',
      bytes: jpeg.length,
      capturedAt: '2026-11-20T09:30:15+08:00',
      uploadedBy: await userId('inspector'),
      uploadedAt: '2026-11-20T10:00:00+08:00',
      caseStatus: 'REPORTED',
      url: `/api/evidence/${e.id}`,
    })
    expect(e.location?.coordinates[0]).toBeCloseTo(ZZ.lng, 5)
    expect(e.location?.coordinates[1]).toBeCloseTo(ZZ.lat, 5)
    expect(
      await count(sql`select count(*)::int as n from case_evidence where case_id = ${id}`),
    ).toBe(1)
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where object_id = ${id} and action = 'case.evidenceAdded'`,
      ),
    ).toBe(1)
    const events = await queryRows<{ type: string; version: number; data: { evidence: Evidence } }>(
      t.handle.db,
      sql`select type, version, data from events where entity_id = ${id} and type = 'case.evidenceAdded'`,
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ version: 1, data: { evidence: { id: e.id } } })
  })

  it('prefers the form’s time and position, converting GCJ-02 to WGS84', async () => {
    const id = await newCase()
    const jpeg = testJpeg({ exif: { dateTimeOriginal: '2026:11:19 08:00:00', gps: ZZ } })
    const given: [number, number] = [113.66, 34.76]
    const res = await upload('inspector', id, jpeg, {
      fields: { capturedAt: '2026-11-20T01:45:00Z', lng: '113.66', lat: '34.76', crs: 'GCJ-02' },
    })
    expect(res.status).toBe(201)
    expect(res.body.evidence.capturedAt).toBe('2026-11-20T09:45:00+08:00')
    const expected = toWgs84({ type: 'Point', coordinates: given }, 'GCJ02').coordinates
    const [lng, lat] = res.body.evidence.location?.coordinates ?? [0, 0]
    expect(lng).toBeCloseTo(expected[0], 5)
    expect(lat).toBeCloseTo(expected[1], 5)
    expect(Math.abs(lng - given[0])).toBeGreaterThan(0.003) // the datum shift is a few hundred m
  })

  it('accepts a PNG named and declared as something else, by its bytes', async () => {
    const id = await newCase()
    const png = testPng()
    const res = await upload('intake', id, png, { name: 'scan.jpg', type: 'image/jpeg' })
    expect(res.status).toBe(201)
    expect(res.body.evidence).toMatchObject({
      contentType: 'image/png',
      capturedAt: null,
      location: null,
      bytes: png.length,
    })
  })

  it('serves the identical bytes with type, ETag and an immutable private cache', async () => {
    const id = await newCase()
    const jpeg = testJpeg({ comment: 'served' })
    const { body } = await upload('inspector', id, jpeg)
    const res = await env.app.request(body.evidence.url, asBrowser(await cookie('leader')))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/jpeg')
    expect(res.headers.get('etag')).toBe(`"${sha256(jpeg)}"`)
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(jpeg)
    const again = await env.app.request(body.evidence.url, {
      headers: { cookie: await cookie('leader'), 'if-none-match': `"${sha256(jpeg)}"` },
    })
    expect(again.status).toBe(304)
  })

  it('refuses a text file renamed to .jpg (415), storing nothing', async () => {
    const id = await newCase()
    const before = filesOnDisk()
    const text = new TextEncoder().encode('这不是照片 / this is not a photo\n'.repeat(20))
    const res = await upload('inspector', id, text, { name: 'photo.jpg', type: 'image/jpeg' })
    expect(res.status).toBe(415)
    expect(res.body.error).toContain('JPEG')
    expect(filesOnDisk()).toBe(before)
    expect(
      await count(sql`select count(*)::int as n from case_evidence where case_id = ${id}`),
    ).toBe(0)
  })

  it('refuses a photo over the limit (413), whether caught by the body limit or after', async () => {
    const id = await newCase()
    const big = (n: number) => testJpeg({ comment: 'x'.repeat(Math.min(n, 65_000)) })
    const slightlyOver = new Uint8Array([...big(MAX_BYTES), ...new Uint8Array(2048)])
    const farOver = new Uint8Array(MAX_BYTES * 4).map((_, i) => slightlyOver[i % 1000] ?? 0)
    for (const bytes of [slightlyOver, farOver]) {
      expect(bytes.length).toBeGreaterThan(MAX_BYTES)
      const res = await upload('inspector', id, bytes)
      expect(res.status).toBe(413)
      expect(res.body.error).toContain('MB')
    }
  })

  it('accepts a photo far above the 64 KB limit of JSON requests when EVIDENCE_MAX_BYTES allows', async () => {
    const roomy = testApp(t.handle, {
      evidence: { store: diskEvidenceStore(dir), maxBytes: 1024 * 1024 },
    })
    const id = await newCase()
    const comment = 'x'.repeat(60_000)
    const jpeg = testJpeg({ comment: `${comment}${comment}${comment}${comment}`.slice(0, 65_000) })
    const large = new Uint8Array([...jpeg.slice(0, -2), ...new Uint8Array(250_000), 0xff, 0xd9])
    const form = new FormData()
    form.append('file', new Blob([large]), 'big.jpg')
    const res = await roomy.app.request(`/api/cases/${id}/evidence`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: await loginAs(roomy.app, 'inspector') },
      body: form,
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { evidence: Evidence }).evidence.bytes).toBe(large.length)
  })

  it('answers 400 for a form without a file or with half a position, 415 for JSON', async () => {
    const id = await newCase()
    const noFile = await env.app.request(`/api/cases/${id}/evidence`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: await cookie('inspector') },
      body: (() => {
        const f = new FormData()
        f.append('lng', '113.6')
        return f
      })(),
    })
    expect(noFile.status).toBe(400)
    const half = await upload('inspector', id, testJpeg(), { fields: { lng: '113.6' } })
    expect(half.status).toBe(400)
    const json = await env.app.request(
      `/api/cases/${id}/evidence`,
      asBrowser(await cookie('inspector'), 'POST', { file: 'x' }),
    )
    expect(json.status).toBe(415)
  })

  it('stores the same bytes once on disk however often they are added', async () => {
    const a = await newCase()
    const b = await newCase()
    const jpeg = testJpeg({ comment: 'twice' })
    const before = filesOnDisk()
    const first = await upload('inspector', a, jpeg)
    const second = await upload('inspector', b, jpeg)
    expect([first.status, second.status]).toEqual([201, 201])
    expect(first.body.evidence.id).not.toBe(second.body.evidence.id)
    expect(second.body.evidence.sha256).toBe(first.body.evidence.sha256)
    expect(filesOnDisk()).toBe(before + 1)
  })

  it('lets the responsible handler upload while DISPATCHED; others get 404 or 403', async () => {
    const id = await dispatchedTo('cgj')
    const mine = await upload('handler-cgj', id, testJpeg({ comment: 'handler' }))
    expect(mine.status).toBe(201)
    expect(mine.body.evidence.caseStatus).toBe('DISPATCHED')
    // another department's handler cannot see the case at all: 404, so ids do not leak
    expect((await upload('handler-sthjj', id, testJpeg())).status).toBe(404)
    // readers whose step it is not: 403, audited
    const operator = await upload('operator', id, testJpeg())
    expect(operator.status).toBe(403)
    expect(operator.body.error).toContain('派遣')
    expect((await upload('inspector', id, testJpeg())).status).toBe(403)
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where object_id = ${id} and action = 'permission.denied'`,
      ),
    ).toBe(2)
  })

  it('refuses the handler once the case left its hands (403)', async () => {
    const id = await dispatchedTo('cgj')
    const done = await act('handler-cgj', id, {
      action: 'dispose',
      expectedVersion: 4,
      note: '已清理',
    })
    expect(done.status).toBe(200)
    expect((await upload('handler-cgj', id, testJpeg())).status).toBe(403)
  })

  it('scopes reads like the case: another department gets 404, lists are newest first', async () => {
    const id = await dispatchedTo('cgj')
    const first = await upload('handler-cgj', id, testJpeg({ comment: 'one' }))
    env.clock.now = new Date(env.clock.now.getTime() + 60_000)
    const second = await upload('handler-cgj', id, testJpeg({ comment: 'two' }))
    const list = await env.app.request(
      `/api/cases/${id}/evidence`,
      asBrowser(await cookie('handler-cgj')),
    )
    expect(list.status).toBe(200)
    const { items } = (await list.json()) as { items: Evidence[] }
    expect(items.map((e) => e.id)).toEqual([second.body.evidence.id, first.body.evidence.id])
    const other = await cookie('handler-sthjj')
    expect((await env.app.request(`/api/cases/${id}/evidence`, asBrowser(other))).status).toBe(404)
    expect((await env.app.request(first.body.evidence.url, asBrowser(other))).status).toBe(404)
    const unknown = await env.app.request('/api/evidence/nope', asBrowser(await cookie('leader')))
    expect(unknown.status).toBe(404)
  })

  it('lets dispose cite only this case’s evidence (422 otherwise)', async () => {
    const id = await dispatchedTo('cgj')
    const elsewhere = await upload('inspector', await newCase(), testJpeg({ comment: 'other' }))
    const own = await upload('handler-cgj', id, testJpeg({ comment: 'own' }))
    const dispose = (evidenceIds: string[]) =>
      act('handler-cgj', id, { action: 'dispose', expectedVersion: 4, note: '已清理', evidenceIds })
    const foreign = await dispose([own.body.evidence.id, elsewhere.body.evidence.id])
    expect(foreign.status).toBe(422)
    expect(foreign.body.error).toContain(elsewhere.body.evidence.id)
    expect((await dispose(['no-such-evidence'])).status).toBe(422)
    const ok = await dispose([own.body.evidence.id])
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({
      case: { status: 'DISPOSED', version: 5, workflow: { evidenceIds: [own.body.evidence.id] } },
    })
  })
})
