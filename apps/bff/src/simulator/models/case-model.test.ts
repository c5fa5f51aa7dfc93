import { CASE_KINDS, CategoryCode } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { CASE_CATEGORIES } from './case-categories'
import { casesBetween } from './case-model'
import { DAY_MS, localHour } from './local-time'
import type { PointSampler } from './point-process'
import { createRng } from './rng'

const samplePoint: PointSampler = (kind, rng) => [
  113.6 + rng.uniform(0, 0.1),
  kind === 'road' ? 34.75 : 34.8,
]
const rng = createRng('case-test')
const mon = new Date('2026-11-16T00:00:00+08:00')
const days = (n: number, from = mon) => new Date(from.getTime() + n * DAY_MS)
const week = casesBetween(mon, days(7), rng, { samplePoint })
const weekdays = week.filter((c) => c.at < days(5))

describe('case categories', () => {
  it('have unique kind+code pairs, valid 4-digit codes and a template each', () => {
    const keys = CASE_CATEGORIES.map((c) => `${c.kind}:${c.code}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const c of CASE_CATEGORIES) {
      expect(CategoryCode.safeParse(c.code).success).toBe(true)
      expect(CASE_KINDS).toContain(c.kind)
      expect(c.templates.length).toBeGreaterThan(0)
    }
  })
})

describe('casesBetween', () => {
  it('produces about 300 reports per weekday and fewer at weekends', () => {
    const perWeekday = weekdays.length / 5
    expect(Math.abs(perWeekday - 300)).toBeLessThan(4 * Math.sqrt(300 / 5))
    expect(week.filter((c) => c.at >= days(5)).length / 2).toBeLessThan(perWeekday * 0.8)
  })

  it('inspectors report only during patrol hours; the public reports 07:00–23:00', () => {
    const hours = (reporter: string) =>
      new Set(week.filter((c) => c.value.reporter === reporter).map((c) => localHour(c.at)))
    for (const h of hours('inspector')) expect(h >= 8 && h < 18).toBe(true)
    for (const h of hours('public')) expect(h >= 7 && h < 23).toBe(true)
    const share = week.filter((c) => c.value.reporter === 'public').length / week.length
    expect(share).toBeGreaterThan(0.02)
    expect(share).toBeLessThan(0.08)
  })

  it('ranks 非法小广告, 其他市容环境问题 and 乱堆物堆料 first, with few component cases', () => {
    const counts = new Map<string, number>()
    for (const c of week) counts.set(c.value.nameZh, (counts.get(c.value.nameZh) ?? 0) + 1)
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name]) => name)
    expect(top).toEqual(['非法小广告', '其他市容环境问题', '乱堆物堆料'])
    const components = week.filter((c) => c.value.kind === 'component').length / week.length
    expect(components).toBeGreaterThan(0.02)
    expect(components).toBeLessThan(0.1)
  })

  it('fills descriptions and uses the sampler by category', () => {
    expect(week.every((c) => !c.value.description.includes('{n}'))).toBe(true)
    const onRoad = week.filter((c) => c.value.nameZh === '路灯')
    expect(onRoad.every((c) => c.value.location[1] === 34.75)).toBe(true)
  })

  it('is deterministic and slice-independent; boosts shift the mix', () => {
    const tue = days(1)
    const whole = casesBetween(tue, days(1, tue), rng, { samplePoint })
    const halves = [
      ...casesBetween(tue, new Date(tue.getTime() + DAY_MS / 2), createRng('case-test'), {
        samplePoint,
      }),
      ...casesBetween(new Date(tue.getTime() + DAY_MS / 2), days(1, tue), createRng('case-test'), {
        samplePoint,
      }),
    ]
    expect(halves).toEqual(whole)
    const storm = casesBetween(tue, days(1, tue), rng, {
      samplePoint,
      categoryBoost: { 'event:0406': 100 },
    })
    const ponding = (xs: typeof whole) =>
      xs.filter((c) => c.value.categoryCode === '0406' && c.value.kind === 'event').length
    expect(ponding(storm)).toBeGreaterThan(ponding(whole) + 20)
  })
})
