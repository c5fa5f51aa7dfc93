import { DEFAULT_CASE_SLA, routeDepartment, timeLimitFor, toWgs84 } from '@cityops/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseCategories } from '../src/services/cases/case-catalogue'
import type { CaseCategoryItem } from '../src/services/cases/case-categories'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// The issue's API contract for creation and reference lists: POST /api/cases with a GeoJSON
// Point (and `crs` as GCJ-02 / BD-09), GET /api/case-categories, GET /api/departments.

describe.each(DRIVERS)('case creation contract and reference lists on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
  }, 60_000)
  afterAll(() => t?.dispose())

  const as = async (user: string | null, path: string, method = 'GET', body?: unknown) =>
    env.app.request(path, asBrowser(user ? await loginAs(env.app, user) : null, method, body))

  it('creates a case from a GeoJSON Point in GCJ-02: 201, REPORTED, version 1, stored in WGS84', async () => {
    const given: [number, number] = [113.6866, 34.7861]
    const res = await as('inspector', '/api/cases', 'POST', {
      kind: 'event',
      categoryCode: '0102',
      description: '路边暴露垃圾',
      location: { type: 'Point', coordinates: given },
      crs: 'GCJ-02',
      urgency: 'urgent',
    })
    expect(res.status).toBe(201)
    const { case: created } = (await res.json()) as {
      case: { status: string; version: number; location: { coordinates: [number, number] } }
    }
    expect(created).toMatchObject({ status: 'REPORTED', version: 1, urgency: 'urgent' })
    const expected = toWgs84({ type: 'Point', coordinates: given }, 'GCJ02').coordinates
    expect(created.location.coordinates[0]).toBeCloseTo(expected[0], 5)
    expect(created.location.coordinates[1]).toBeCloseTo(expected[1], 5)
  })

  it('takes a component id with a component category, and BD-09', async () => {
    const res = await as('intake', '/api/cases', 'POST', {
      kind: 'component',
      categoryCode: '0101',
      componentId: '4101050101000042',
      description: '井盖缺失',
      location: { type: 'Point', coordinates: [113.68, 34.78] },
      crs: 'BD-09',
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({
      case: {
        kind: 'component',
        componentId: '4101050101000042',
        status: 'REPORTED',
        urgency: 'normal', // the default
      },
    })
  })

  it.each([
    [
      'a LineString',
      {
        type: 'LineString',
        coordinates: [
          [113.6, 34.7],
          [113.7, 34.8],
        ],
      },
      {},
    ],
    ['a Point off the globe', { type: 'Point', coordinates: [213.6, 34.7] }, {}],
    ['an unknown datum', { type: 'Point', coordinates: [113.68, 34.78] }, { crs: 'Mars-1' }],
    ['an unknown urgency', { type: 'Point', coordinates: [113.68, 34.78] }, { urgency: 'panic' }],
  ])('refuses %s with 400 and the field named', async (_, location, extra) => {
    const res = await as('inspector', '/api/cases', 'POST', {
      kind: 'event',
      categoryCode: '0102',
      location,
      ...extra,
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { issues: { path: string }[] }
    expect(body.issues[0]?.path).toMatch(/^(location|crs|urgency)/)
  })

  it('lists every catalogued category with its time limit and default department', async () => {
    expect((await as(null, '/api/case-categories')).status).toBe(401)
    const res = await as('handler-cgj', '/api/case-categories')
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as { items: CaseCategoryItem[] }
    expect(items).toHaveLength(caseCategories().length)
    for (const item of items) {
      expect(item.majorCode).toBe(item.code.slice(0, 2))
      expect(item.timeLimit).toEqual(timeLimitFor(DEFAULT_CASE_SLA, item.kind, item.code))
      // a named body is the route everywhere; the district office depends on the case's district
      const inJinshui = routeDepartment(item.kind, item.code, '410105')
      const inErqi = routeDepartment(item.kind, item.code, '410103')
      expect(item.isRoutedToDistrict).toBe(inJinshui !== inErqi)
      expect(item.defaultDepartments).toEqual(item.isRoutedToDistrict ? [] : [inJinshui])
    }
    expect(items.find((i) => i.kind === 'event' && i.code === '0102')).toMatchObject({
      majorName: '市容环境',
      minorName: '暴露垃圾',
    })
  })

  it('reports the time limits in force after an administrator changes them', async () => {
    const config = {
      ...DEFAULT_CASE_SLA,
      limits: { ...DEFAULT_CASE_SLA.limits, 'event:0102': { amount: 2, unit: 'workHours' } },
    }
    const put = await as('admin', '/api/admin/case-sla', 'PUT', { config, expectedVersion: 0 })
    expect(put.status).toBe(200)
    const { items } = (await (await as('inspector', '/api/case-categories')).json()) as {
      items: CaseCategoryItem[]
    }
    const exposed = items.find((i) => i.kind === 'event' && i.code === '0102')
    expect(exposed?.timeLimit).toEqual({ amount: 2, unit: 'workHours' })
    expect(timeLimitFor(DEFAULT_CASE_SLA, 'event', '0102')).not.toEqual(exposed?.timeLimit)
  })

  it('lists departments as { code, name }', async () => {
    const res = await as('inspector', '/api/departments')
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as { items: { code: string; name: string }[] }
    expect(items.length).toBeGreaterThan(5)
    for (const d of items)
      expect(d).toMatchObject({ code: expect.any(String), name: expect.any(String) })
    expect(items.map((d) => d.code)).toContain('cgj')
  })
})
