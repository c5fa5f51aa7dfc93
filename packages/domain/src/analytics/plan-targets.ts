import { z } from 'zod'
import type { IndicatorId } from './indicators'

// The plan's targets the KPI trend charts are drawn against (issue #7). Two are fixed by the
// plan (../shared/seeds): arterial average speed above 40 km/h, and AQI ≤ 100 on at least 300
// days a year (300/365 of days with readings). The case goals are the city's own and stored,
// editable by an administrator (PUT /api/admin/plan-targets).

export const PLAN_COMPARATORS = ['>', '>=', '<', '<='] as const
export type PlanComparator = (typeof PLAN_COMPARATORS)[number]

export interface PlanTarget {
  indicator: IndicatorId
  comparator: PlanComparator
  value: number
  /** Where the target comes from, shown under the chart. */
  source: { zh: string; en: string }
  editable: boolean
}

export const FIXED_PLAN_TARGETS: readonly PlanTarget[] = [
  {
    indicator: 'traffic.arterialSpeedMean',
    comparator: '>',
    value: 40,
    source: {
      zh: '智慧城市规划：主干路平均车速 40 km/h 以上',
      en: 'Smart-city plan: arterial average speed above 40 km/h',
    },
    editable: false,
  },
  {
    indicator: 'env.goodDayRate',
    comparator: '>=',
    value: 300 / 365,
    source: {
      zh: '智慧城市规划：全年空气质量优良天数 300 天以上',
      en: 'Smart-city plan: AQI ≤ 100 on 300 or more days a year',
    },
    editable: false,
  },
]

/** Built-in case goals [U]: no figure in the seeds; Tianmen's 93.72 % / 75.82 % (DOMAIN.md) sit around them. */
export const DEFAULT_CASE_GOALS = { closureRate: 0.9, onTimeRate: 0.8 } as const

const Rate = z
  .number({ error: '目标须为 0–1 之间的比例 / a goal is a share between 0 and 1' })
  .gt(0, { error: '目标须大于 0 / a goal must be above 0' })
  .max(1, { error: '目标至多为 1（100%）/ a goal is at most 1 (100 %)' })

export const CaseGoals = z.object({ closureRate: Rate, onTimeRate: Rate }).strict()
export type CaseGoals = z.infer<typeof CaseGoals>

export const UpdateCaseGoals = z
  .object({ expectedVersion: z.number().int().min(0), goals: CaseGoals })
  .strict()

export function planTargets(goals: CaseGoals): PlanTarget[] {
  return [
    ...FIXED_PLAN_TARGETS,
    {
      indicator: 'cases.closureRate',
      comparator: '>=',
      value: goals.closureRate,
      source: { zh: '本市结案率目标（可配置）', en: 'City closure-rate goal (configurable)' },
      editable: true,
    },
    {
      indicator: 'cases.onTimeRate',
      comparator: '>=',
      value: goals.onTimeRate,
      source: {
        zh: '本市按期结案率目标（可配置）',
        en: 'City on-time closure goal (configurable)',
      },
      editable: true,
    },
  ]
}

/** Whether `value` meets `target`; null when there is no value. */
export function meetsTarget(
  value: number | null,
  target: Pick<PlanTarget, 'comparator' | 'value'>,
): boolean | null {
  if (value === null) return null
  switch (target.comparator) {
    case '>':
      return value > target.value
    case '>=':
      return value >= target.value
    case '<':
      return value < target.value
    case '<=':
      return value <= target.value
  }
}
