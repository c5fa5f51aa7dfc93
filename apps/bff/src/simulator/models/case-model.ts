import type { CaseKind, LngLat } from '@cityops/domain'
import { CASE_CATEGORIES } from './case-categories'
import type { CaseCategory } from './case-categories'
import { isWeekday, localHour } from './local-time'
import { eventsBetween, hourlyRate } from './point-process'
import type { PointSampler, TimedEvent } from './point-process'
import type { Rng, Weighted } from './rng'

export type CaseReporter = 'inspector' | 'public'

export interface CaseReport {
  kind: CaseKind
  categoryCode: string
  majorZh: string
  nameZh: string
  nameEn: string
  reporter: CaseReporter
  location: LngLat
  description: string
}

export interface CaseModelOptions {
  samplePoint: PointSampler
  /** Reports per weekday, all reporters; the demo default is 300. */
  perDay?: number
  isWorkday?: (at: Date) => boolean
  /** Weight multipliers by category code and kind, e.g. `{ 'event:0406': 20 }` in a storm. */
  categoryBoost?: Readonly<Record<string, number>>
}

export const DEFAULT_CASES_PER_DAY = 300
// Tianmen, December: 监督员 95.68 %, WeChat (public) 4.32 % [V: DOMAIN.md §2.1].
export const PUBLIC_REPORT_SHARE = 0.0432
// [U] Weekend patrols run with a reduced shift.
export const WEEKEND_CASE_FACTOR = 0.6
// [U] Inspectors patrol 08:00–18:00 with a lunch break; the public reports 07:00–23:00.
export const INSPECTOR_PROFILE = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1.2, 1.2, 1.1, 0.5, 0.6, 1, 1.1, 1.1, 1, 0, 0, 0, 0, 0, 0,
]
export const PUBLIC_PROFILE = [
  0, 0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.2, 1, 0.7, 0,
]

/** City-management reports in [from, to), sorted by time; the same for any slicing. */
export function casesBetween(
  from: Date,
  to: Date,
  rng: Rng,
  options: CaseModelOptions,
): TimedEvent<CaseReport>[] {
  const perDay = options.perDay ?? DEFAULT_CASES_PER_DAY
  const categories = weightedCategories(options.categoryBoost)
  const process = (reporter: CaseReporter, share: number, profile: readonly number[]) =>
    eventsBetween(
      from,
      to,
      rng,
      `case:${reporter}`,
      (hourStart) => {
        const isWorkday = options.isWorkday?.(hourStart) ?? isWeekday(hourStart)
        const dayFactor = isWorkday ? 1 : WEEKEND_CASE_FACTOR
        return hourlyRate(perDay * share, profile, localHour(hourStart)) * dayFactor
      },
      (_at, r) => makeReport(r.pick(categories), reporter, r, options.samplePoint),
    )
  return [
    ...process('inspector', 1 - PUBLIC_REPORT_SHARE, INSPECTOR_PROFILE),
    ...process('public', PUBLIC_REPORT_SHARE, PUBLIC_PROFILE),
  ].sort((a, b) => a.at.getTime() - b.at.getTime())
}

function weightedCategories(boost: CaseModelOptions['categoryBoost']): Weighted<CaseCategory>[] {
  return CASE_CATEGORIES.map((category) => ({
    value: category,
    weight: category.weight * (boost?.[`${category.kind}:${category.code}`] ?? 1),
  }))
}

function makeReport(
  category: CaseCategory,
  reporter: CaseReporter,
  rng: Rng,
  samplePoint: PointSampler,
): CaseReport {
  const template = category.templates[rng.int(category.templates.length)] ?? category.zh
  return {
    kind: category.kind,
    categoryCode: category.code,
    majorZh: category.majorZh,
    nameZh: category.zh,
    nameEn: category.en,
    reporter,
    location: samplePoint(category.where, rng.fork('location')),
    description: template.replace('{n}', String(2 + rng.int(11))),
  }
}
