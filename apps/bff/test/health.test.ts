import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LATEST_MIGRATION } from '../src/db/migrate'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'
import { testApp } from './support/test-app'

describe.each(DRIVERS)('GET /api/health on %s', (driver) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(driver)
  })
  afterAll(() => t?.dispose())

  const app = () => testApp(t.handle).app

  it('reports ok with the driver, the applied migration and the version', async () => {
    const res = await app().request('/api/health')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      status: 'ok',
      database: driver,
      migrations: LATEST_MIGRATION,
      version: '9.9.9',
    })
  })

  it('answers an unknown API path with a JSON 404 that names it', async () => {
    const res = await app().request('/api/nope', {
      method: 'POST',
      headers: { origin: 'http://localhost' },
    })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'No API endpoint POST /api/nope.' })
  })

  it('reports degraded with a reason once the database is gone', async () => {
    const served = app()
    await t.handle.close()
    const res = await served.request('/api/health')
    expect(res.status).toBe(503)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 'degraded', database: driver, migrations: null })
    expect(String(body.reason)).toMatch(/^database unreachable: /)
  })
})
