import {
  classCounts,
  classify,
  classOf,
  INDICATORS,
  type AreaFeatureCollection,
  type ChoroplethResult,
  type TimeseriesResult,
} from '@cityops/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EDGE_WINDOW, seedAnalytics } from './support/analytics-seed'
import { asBrowser, loginAs } from './support/sessions'
import { testApp } from './support/test-app'
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/test-databases'

// The analytics endpoints as a leader's screen calls them: classification, time buckets that
// add up, areas, and the 400/422 answers.

const W = new URLSearchParams(EDGE_WINDOW).toString()

describe.each(DRIVERS)('analytics API on %s', (driver) => {
  let t: TestDatabase
  let env: ReturnType<typeof testApp>
  let cookie: string
  beforeAll(async () => {
    t = await createTestDatabase(driver)
    env = testApp(t.handle)
    await seedAnalytics(t.handle.db)
    cookie = await loginAs(env.app, 'leader')
  }, 120_000)
  afterAll(() => t?.dispose())

  const get = async (path: string) => env.app.request(`/api/analytics${path}`, asBrowser(cookie))
  const ok = async <T>(path: string) => {
    const res = await get(path)
    expect(res.status, path).toBe(200)
    return (await res.json()) as T
  }

  it('lists every indicator with its levels; the unit grid is not available', async () => {
    const body = await ok<{
      indicators: Array<{
        id: string
        levels: Array<{ level: string; available: boolean; reason?: unknown }>
      }>
    }>('/indicators')
    expect(body.indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id))
    for (const i of body.indicators) {
      expect(i.levels.find((l) => l.level === 'district')?.available).toBe(true)
      expect(i.levels.find((l) => l.level === 'grid')).toEqual({
        level: 'grid',
        available: false,
        reason: {
          zh: '本市尚未导入单元网格图层',
          en: 'No unit-grid layer is loaded for this city',
        },
      })
    }
  })

  it('grid level: 422 with the bilingual reason, for the map and the outlines', async () => {
    for (const path of [
      `/choropleth?indicator=incidents.count&level=grid&${W}`,
      '/areas?level=grid',
    ]) {
      const res = await get(path)
      expect(res.status).toBe(422)
      const body = (await res.json()) as { error: string }
      expect(body.error).toBe(
        '本市尚未导入单元网格图层 / No unit-grid layer is loaded for this city',
      )
    }
  })

  it('invalid queries: 400 with the schema messages', async () => {
    const cases: Array<[string, string]> = [
      [`/choropleth?${W}`, 'indicator'],
      [`/choropleth?indicator=nope&${W}`, '指标须为'],
      [
        `/choropleth?indicator=incidents.count&from=${encodeURIComponent(EDGE_WINDOW.to)}&to=${encodeURIComponent(EDGE_WINDOW.from)}`,
        '结束时间须晚于开始时间 / to must be later than from',
      ],
      [`/choropleth?indicator=incidents.count&method=manual&${W}`, 'method=manual needs breaks'],
      [
        `/choropleth?indicator=incidents.count&method=manual&breaks=5,a&${W}`,
        'breaks must be numbers',
      ],
      [`/choropleth?indicator=incidents.count&method=manual&breaks=5,3&${W}`, 'strictly ascending'],
      [`/choropleth?indicator=incidents.count&classes=12&${W}`, 'classes'],
      [
        `/choropleth?indicator=incidents.count&caseCategory=01&${W}`,
        'does not take the filter caseCategory',
      ],
      [`/timeseries?indicator=cases.count&bucket=year&${W}`, 'bucket'],
      [`/timeseries?indicator=cases.count&area=4101&${W}`, 'area is a 6- or 9-digit code'],
      [
        `/timeseries?indicator=cases.count&area=410199&${W}`,
        'No district or mapped township has the code 410199',
      ],
      [`/timeseries?indicator=env.daysOver100&bucket=hour&${W}`, 'cannot be bucketed by hour'],
      [
        `/timeseries?indicator=incidents.count&bucket=hour&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z`,
        'at most 31 days',
      ],
      ['/areas?level=county', 'level must be district, township or grid'],
    ]
    for (const [path, message] of cases) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      const body = (await res.json()) as { error: string }
      expect(body.error, path).toContain(message)
      expect(body.error, path).toMatch(/[\u4e00-\u9fff].* \/ /) // 中文 / English
    }
  })

  it.each([
    ['quantile', 5, undefined],
    ['jenks', 4, undefined],
    ['equal', 3, undefined],
    ['manual', 5, [10, 20, 40]],
  ] as const)(
    'classification %s: breaks, classes and counts as the domain computes them',
    async (method, classes, manual) => {
      const path =
        `/choropleth?indicator=incidents.count&level=township&method=${method}&classes=${classes}&${W}` +
        (manual ? `&breaks=${manual.join(',')}` : '')
      const body = await ok<ChoroplethResult>(path)
      const values = body.areas.flatMap((a) => (a.value === null ? [] : [a.value]))
      expect(new Set(values).size).toBeGreaterThan(3)
      const expected = classify(values, method, classes, manual)
      expect(body.method).toBe(method)
      expect(body.breaks).toEqual(expected.breaks)
      expect(body.counts).toEqual(classCounts(values, expected.breaks))
      for (const a of body.areas)
        expect(a.class).toBe(a.value === null ? null : classOf(a.value, expected.breaks))
      if (manual) expect(body.breaks.slice(0, 3)).toEqual(manual)
    },
  )

  it.each(['day', 'week', 'month'] as const)(
    'count buckets (%s) add up to the window total, which is the sum over the 12 districts',
    async (bucket) => {
      for (const indicator of ['incidents.count', 'cases.count']) {
        const series = await ok<TimeseriesResult>(
          `/timeseries?indicator=${indicator}&bucket=${bucket}&${W}`,
        )
        const sum = series.points.reduce((s, p) => s + (p.value ?? 0), 0)
        expect(series.total).toBe(sum)
        const map = await ok<ChoroplethResult>(`/choropleth?indicator=${indicator}&${W}`)
        expect(series.total).toBe(map.areas.reduce((s, a) => s + (a.value ?? 0), 0))
        expect(series.total).toBeGreaterThan(50)
      }
    },
  )

  it('day buckets: one per Beijing day the window touches, starting at local midnight', async () => {
    const series = await ok<TimeseriesResult>(
      `/timeseries?indicator=incidents.count&bucket=day&${W}`,
    )
    expect(series.points.map((p) => p.t)).toEqual(
      ['10', '11', '12', '13', '14', '15', '16', '17'].map((d) => `2026-11-${d}T00:00:00+08:00`),
    )
    const hours = await ok<TimeseriesResult>(
      `/timeseries?indicator=incidents.count&bucket=hour&from=${encodeURIComponent('2026-11-10T05:30:00+08:00')}&to=${encodeURIComponent('2026-11-11T02:00:00+08:00')}`,
    )
    expect(hours.points[0]?.t).toBe('2026-11-10T05:00:00+08:00')
    expect(hours.points).toHaveLength(21)
    expect(hours.total).toBe(hours.points.reduce((s, p) => s + (p.value ?? 0), 0))
  })

  it('one area: its total is its choropleth value; a rate total is the pooled rate', async () => {
    const map = await ok<ChoroplethResult>(`/choropleth?indicator=cases.closureRate&${W}`)
    const withValue = map.areas.filter((a) => a.value !== null)
    expect(withValue.length).toBeGreaterThan(2)
    const area = withValue[0]
    const series = await ok<TimeseriesResult>(
      `/timeseries?indicator=cases.closureRate&area=${area?.code}&${W}`,
    )
    expect(series.area).toBe(area?.code)
    expect(series.total).toBeCloseTo(area?.value ?? NaN, 12)
    const city = await ok<TimeseriesResult>(`/timeseries?indicator=cases.closureRate&${W}`)
    const closed = withValue.reduce((s, a) => s + (a.value ?? 0) * a.basis, 0)
    const due = withValue.reduce((s, a) => s + a.basis, 0)
    expect(city.total).toBeCloseTo(closed / due, 12)
    // a township's trend reads the township column
    const towns = await ok<ChoroplethResult>(
      `/choropleth?indicator=incidents.count&level=township&${W}`,
    )
    const busiest = [...towns.areas].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
    const trend = await ok<TimeseriesResult>(
      `/timeseries?indicator=incidents.count&area=${busiest?.code}&${W}`,
    )
    expect(trend.total).toBe(busiest?.value)
  })

  it('area outlines: every area of the level, simplified WGS-84 with rounded coordinates', async () => {
    const districts = await ok<AreaFeatureCollection>('/areas?level=district')
    expect(districts.features).toHaveLength(12)
    const jinshui = districts.features.find((f) => f.id === '410105')
    expect(jinshui?.properties).toEqual({
      code: '410105',
      name: '金水区',
      nameEn: 'Jinshui',
      districtCode: null,
    })
    const towns = await ok<AreaFeatureCollection>('/areas?level=township')
    expect(towns.features.length).toBeGreaterThan(50)
    expect(towns.features.every((f) => /^\d{6}$/.test(f.properties.districtCode ?? ''))).toBe(true)
    for (const f of [...districts.features, ...towns.features]) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type)
      const numbers = JSON.stringify(f.geometry.coordinates).match(/-?\d+\.\d+/g) ?? []
      expect(numbers.every((n) => (n.split('.')[1] ?? '').length <= 5)).toBe(true)
      const lngs = numbers.filter((_, i) => i % 2 === 0).map(Number)
      expect(lngs.every((x) => x > 112 && x < 115)).toBe(true)
    }
  })
})
