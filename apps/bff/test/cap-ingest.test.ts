import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows } from '../src/db/query-rows'
import { REPO_ROOT } from '../src/config'
import { DEMO_API_KEY } from '../src/services/users/seed-demo-accounts'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

const FIXTURES = path.join(REPO_ROOT, 'apps/bff/test/fixtures/cap')
const XSD = path.resolve(REPO_ROOT, '../shared/standards/cap/CAP-v1.2.xsd')
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name))
const scratch = mkdtempSync(path.join(tmpdir(), 'cityops-cap-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe.each(DRIVERS)('CAP 1.2 ingestion and export on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  })
  afterAll(() => t?.dispose())

  const send = (xml: Buffer | string) =>
    env.app.request('/api/ingest/cap', {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/cap+xml' },
      body: xml,
    })
  const count = async (table: string, where = 'true') =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.handle.db,
          sql.raw(`select count(*)::int as n from ${table} where ${where}`),
        )
      )[0]?.n,
    )

  it('links an Update that arrives before its Alert once the Alert comes', async () => {
    const update = await send(fixture('valid/zhengzhou-rainstorm-update.xml'))
    expect(update.status).toBe(201)
    expect(await update.json()).toMatchObject({ outcome: 'linked', linkedTo: null })

    const alert = await send(fixture('valid/zhengzhou-rainstorm-red.xml'))
    expect(alert.status).toBe(201)
    const receipt = (await alert.json()) as { alertId: string; outcome: string; incidentId: string }
    expect(receipt.outcome).toBe('incident')
    expect(await count('incidents', `id = '${receipt.incidentId}' and source = 'CAP'`)).toBe(1)
    expect(
      await count('cap_alerts', `msg_type = 'Update' and linked_to = '${receipt.alertId}'`),
    ).toBe(1)

    const cancel = await send(fixture('valid/zhengzhou-rainstorm-cancel.xml'))
    expect(await cancel.json()).toMatchObject({ outcome: 'linked', linkedTo: receipt.alertId })
  })

  it('stores a message once however often it is sent', async () => {
    const again = await send(fixture('valid/zhengzhou-rainstorm-red.xml'))
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ duplicate: true })
    expect(await count('cap_alerts', "msg_type = 'Alert' and sender = '410100@12379.cn'")).toBe(1)
  })

  it('keeps an alert outside Zhengzhou among alerts without putting an incident on the map', async () => {
    const incidents = await count('incidents')
    const res = await send(fixture('valid/nws-tornado-warning.xml'))
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ outcome: 'alertOnly', reason: 'outsideJurisdiction' })
    expect(await count('incidents')).toBe(incidents)
    expect(await count('cap_alerts', 'outside_jurisdiction')).toBe(1)
  })

  it('accepts GBK-encoded Chinese feeds', async () => {
    const res = await send(fixture('valid/zhengzhou-jinshui-rainstorm-blue.gbk.xml'))
    expect(res.status).toBe(201)
  })

  it.each([
    ['xxe-file.xml', 400],
    ['billion-laughs.xml', 400],
    ['external-dtd.xml', 400],
    ['malformed.xml', 400],
    ['cap-1.1.xml', 422],
    ['bad-enum.xml', 422],
  ])('refuses hostile or invalid %s with %i and stores nothing', async (name, status) => {
    const before = await count('cap_alerts')
    const res = await send(fixture(`hostile/${name}`))
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error: string }
    expect(body.error).toMatch(/ \/ /) // bilingual sentence
    expect(JSON.stringify(body)).not.toContain('root:x:0:0')
    expect(await count('cap_alerts')).toBe(before)
  })

  it('exports an incident as CAP 1.2 that validates against the official XSD', async () => {
    const operator = await loginAs(env.app, 'operator')
    const created = await env.app.request(
      '/api/incidents',
      asBrowser(operator, 'POST', {
        title: '中原路燃气泄漏',
        category: 'gasLeak',
        grade: 'III',
        location: [113.64, 34.748],
        departments: ['rq'],
      }),
    )
    const { incident } = (await created.json()) as { incident: { id: string } }
    const res = await env.app.request(`/api/incidents/${incident.id}/cap`, asBrowser(operator))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/cap+xml')
    const file = path.join(scratch, `${driver}.xml`)
    writeFileSync(file, await res.text())
    const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], {
      encoding: 'utf8',
    })
    if (lint.error) throw new Error('xmllint is required (Debian: apt-get install libxml2-utils)')
    expect(lint.stderr).toContain('validates')
    expect(lint.status).toBe(0)
    const handler = await loginAs(env.app, 'handler-sthjj')
    expect(
      (await env.app.request(`/api/incidents/${incident.id}/cap`, asBrowser(handler))).status,
    ).toBe(403)
  })
})
