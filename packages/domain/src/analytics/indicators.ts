import { z } from 'zod'

// The thematic map's indicators (issue #7). Each id names a family (the fact table it is
// computed from) and a measure. Definitions follow the wall's KPIs so the numbers agree:
// 结案率 = 结案 / 应结案 and 按期结案率 = 按期结案 / 应结案 (GB/T 30428.4 practice, DOMAIN.md
// §2.1, Tianmen vectors), where 应结案 = cases whose 处置 deadline falls in the window.

export const INDICATOR_FAMILIES = ['incidents', 'cases', 'env', 'traffic'] as const
export type IndicatorFamily = (typeof INDICATOR_FAMILIES)[number]

export const AREA_LEVELS = ['district', 'township', 'grid'] as const
export const AreaLevel = z.enum(AREA_LEVELS, {
  error: '层级须为 district、township 或 grid / level must be district, township or grid',
})
export type AreaLevel = z.infer<typeof AreaLevel>

export interface IndicatorDefinition {
  id: string
  family: IndicatorFamily
  label: { zh: string; en: string }
  unit: { zh: string; en: string }
  /** What the number means, for the legend's note and the export's source line. */
  definition: { zh: string; en: string }
  /** Which direction is good: drives the ramp (and the sign of a difference map). */
  better: 'higher' | 'lower'
  /** Digits after the decimal point when shown. */
  decimals: number
  /** Rates are 0–1 in the API; the screens show them as percentages. */
  isRate: boolean
  /** Filters this indicator understands (incident category/grade, case category). */
  filters: readonly ('incidentCategory' | 'incidentGrade' | 'caseCategory')[]
}

const def = (d: IndicatorDefinition) => d

export const INDICATORS = [
  def({
    id: 'incidents.count',
    family: 'incidents',
    label: { zh: '突发事件数', en: 'Incidents' },
    unit: { zh: '起', en: 'incidents' },
    definition: { zh: '时段内接报的事件数', en: 'Incidents reported in the period' },
    better: 'lower',
    decimals: 0,
    isRate: false,
    filters: ['incidentCategory', 'incidentGrade'],
  }),
  def({
    id: 'incidents.per10k',
    family: 'incidents',
    label: { zh: '每万人事件数', en: 'Incidents per 10,000 residents' },
    unit: { zh: '起/万人', en: 'per 10k residents' },
    definition: {
      zh: '时段内接报的事件数 ÷ 常住人口 × 10000（仅限已导入人口的区域）',
      en: 'Incidents reported in the period ÷ resident population × 10,000 (areas with a population only)',
    },
    better: 'lower',
    decimals: 2,
    isRate: false,
    filters: ['incidentCategory', 'incidentGrade'],
  }),
  def({
    id: 'cases.count',
    family: 'cases',
    label: { zh: '城管案件数', en: 'City-management cases' },
    unit: { zh: '件', en: 'cases' },
    definition: { zh: '时段内上报的案件数', en: 'Cases reported in the period' },
    better: 'lower',
    decimals: 0,
    isRate: false,
    filters: ['caseCategory'],
  }),
  def({
    id: 'cases.closureRate',
    family: 'cases',
    label: { zh: '结案率', en: 'Closure rate' },
    unit: { zh: '%', en: '%' },
    definition: {
      zh: '结案数 ÷ 应结案数（处置时限落在时段内的案件）',
      en: 'Closed ÷ due (cases whose deadline falls in the period)',
    },
    better: 'higher',
    decimals: 1,
    isRate: true,
    filters: ['caseCategory'],
  }),
  def({
    id: 'cases.onTimeRate',
    family: 'cases',
    label: { zh: '按期结案率', en: 'On-time closure rate' },
    unit: { zh: '%', en: '%' },
    definition: {
      zh: '按期结案数 ÷ 应结案数',
      en: 'Closed by the deadline ÷ due',
    },
    better: 'higher',
    decimals: 1,
    isRate: true,
    filters: ['caseCategory'],
  }),
  def({
    id: 'cases.reworkRate',
    family: 'cases',
    label: { zh: '返工率', en: 'Rework rate' },
    unit: { zh: '%', en: '%' },
    definition: {
      zh: '核查未通过返工的案件 ÷ 应结案数',
      en: 'Cases sent back after a failed check ÷ due',
    },
    better: 'lower',
    decimals: 1,
    isRate: true,
    filters: ['caseCategory'],
  }),
  def({
    id: 'env.aqiMean',
    family: 'env',
    label: { zh: '平均AQI', en: 'Mean AQI' },
    unit: { zh: '', en: '' },
    definition: {
      zh: '区域内空气站小时AQI的平均值（HJ 633-2012）',
      en: 'Mean of the hourly AQI at the air stations in the area (HJ 633-2012)',
    },
    better: 'lower',
    decimals: 0,
    isRate: false,
    filters: [],
  }),
  def({
    id: 'env.pm25Mean',
    family: 'env',
    label: { zh: 'PM2.5平均浓度', en: 'Mean PM2.5' },
    unit: { zh: 'μg/m³', en: 'μg/m³' },
    definition: {
      zh: '区域内空气站PM2.5小时浓度的平均值',
      en: 'Mean of the hourly PM2.5 concentration at the air stations in the area',
    },
    better: 'lower',
    decimals: 0,
    isRate: false,
    filters: [],
  }),
  def({
    id: 'env.daysOver100',
    family: 'env',
    label: { zh: 'AQI超100天数', en: 'Days with AQI over 100' },
    unit: { zh: '天', en: 'days' },
    definition: {
      zh: '日均AQI（区域内各站小时AQI的日平均）超过100的天数',
      en: 'Days whose daily mean AQI (mean of the hourly AQI at the area’s stations) exceeds 100',
    },
    better: 'lower',
    decimals: 0,
    isRate: false,
    filters: [],
  }),
  def({
    id: 'env.goodDayRate',
    family: 'env',
    label: { zh: '优良天数比例', en: 'Share of good days' },
    unit: { zh: '%', en: '%' },
    definition: {
      zh: '日均AQI ≤ 100 的天数 ÷ 有监测数据的天数',
      en: 'Days with daily mean AQI ≤ 100 ÷ days with readings',
    },
    better: 'higher',
    decimals: 1,
    isRate: true,
    filters: [],
  }),
  def({
    id: 'traffic.arterialSpeedMean',
    family: 'traffic',
    label: { zh: '主干路平均车速', en: 'Mean arterial speed' },
    unit: { zh: 'km/h', en: 'km/h' },
    definition: {
      zh: '区域内快速路和主干路路段速度读数的平均值',
      en: 'Mean of the speed readings on expressway and arterial segments in the area',
    },
    better: 'higher',
    decimals: 1,
    isRate: false,
    filters: [],
  }),
  def({
    id: 'traffic.congestedHours',
    family: 'traffic',
    label: { zh: '拥堵时长', en: 'Hours congested' },
    unit: { zh: '路段·小时', en: 'segment-hours' },
    definition: {
      zh: '区域内拥堵等级 ≥ 3（中度拥堵及以上）的路段小时读数之和',
      en: 'Segment-hours of readings at congestion level 3 (moderate) or worse in the area',
    },
    better: 'lower',
    decimals: 0,
    isRate: false,
    filters: [],
  }),
] as const satisfies readonly IndicatorDefinition[]

export type IndicatorId = (typeof INDICATORS)[number]['id']
export const INDICATOR_IDS = INDICATORS.map((i) => i.id) as [IndicatorId, ...IndicatorId[]]
export const IndicatorIdSchema = z.enum(INDICATOR_IDS, {
  error: `指标须为 ${INDICATORS.map((i) => i.id).join('、')} 之一 / indicator must be one of ${INDICATORS.map((i) => i.id).join(', ')}`,
})

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id)
}
