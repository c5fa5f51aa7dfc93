import { describe, expect, it } from 'vitest'
import {
  ChoroplethQuery,
  DEFAULT_CASE_GOALS,
  INDICATORS,
  meetsTarget,
  planTargets,
  TimeseriesQuery,
} from './index'

const window = { from: '2026-10-01T00:00:00+08:00', to: '2026-10-31T00:00:00+08:00' }

describe('ChoroplethQuery', () => {
  it('fills the defaults: district, quantile, 5 classes', () => {
    const q = ChoroplethQuery.parse({ indicator: 'incidents.count', ...window })
    expect(q).toMatchObject({ level: 'district', method: 'quantile', classes: 5 })
  })

  it('reads manual breaks from a comma list', () => {
    const q = ChoroplethQuery.parse({
      indicator: 'cases.count',
      ...window,
      method: 'manual',
      breaks: '10, 20,50',
    })
    expect(q.breaks).toEqual([10, 20, 50])
  })

  it.each([
    [{ indicator: 'incidents.sum', ...window }, 'indicator'],
    [{ indicator: 'incidents.count', from: window.to, to: window.from }, 'to'],
    [
      { indicator: 'incidents.count', from: '2025-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
      'to',
    ],
    [{ indicator: 'incidents.count', ...window, method: 'manual' }, 'breaks'],
    [{ indicator: 'incidents.count', ...window, method: 'manual', breaks: '1,x' }, 'breaks'],
    [{ indicator: 'incidents.count', ...window, classes: '12' }, 'classes'],
    [{ indicator: 'incidents.count', ...window, level: 'province' }, 'level'],
  ])('rejects %j at %s with a message', (input, path) => {
    const r = ChoroplethQuery.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path[0])).toContain(path)
  })
})

describe('TimeseriesQuery', () => {
  it('takes a district or township code as the area', () => {
    expect(
      TimeseriesQuery.parse({ indicator: 'env.aqiMean', ...window, area: '410105' }).area,
    ).toBe('410105')
    expect(
      TimeseriesQuery.safeParse({ indicator: 'env.aqiMean', ...window, area: '4101' }).success,
    ).toBe(false)
  })
})

describe('indicators', () => {
  it('have unique ids named after their family', () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length)
    for (const i of INDICATORS) expect(i.id.startsWith(`${i.family}.`)).toBe(true)
  })
})

describe('plan targets', () => {
  it('include the plan’s 40 km/h and 300 good days, and the stored case goals', () => {
    const targets = planTargets(DEFAULT_CASE_GOALS)
    const speed = targets.find((t) => t.indicator === 'traffic.arterialSpeedMean')
    expect(speed).toMatchObject({ comparator: '>', value: 40 })
    const good = targets.find((t) => t.indicator === 'env.goodDayRate')
    expect(good?.value).toBeCloseTo(0.8219, 4)
    expect(targets.find((t) => t.indicator === 'cases.closureRate')?.value).toBe(0.9)
  })

  it('"above 40" is not met at exactly 40; "≥ 300/365" is met at exactly 300 of 365', () => {
    expect(meetsTarget(40, { comparator: '>', value: 40 })).toBe(false)
    expect(meetsTarget(40.1, { comparator: '>', value: 40 })).toBe(true)
    expect(meetsTarget(300 / 365, { comparator: '>=', value: 300 / 365 })).toBe(true)
    expect(meetsTarget(299 / 365, { comparator: '>=', value: 300 / 365 })).toBe(false)
    expect(meetsTarget(null, { comparator: '>=', value: 0.9 })).toBeNull()
  })
})
