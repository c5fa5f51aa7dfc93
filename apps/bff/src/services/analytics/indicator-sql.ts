import type { IndicatorId } from '@cityops/domain'
import { casesDueSql, casesReportedSql } from './cases-sql'
import { envSql } from './env-sql'
import type { FamilySql } from './family-sql'
import { incidentsSql } from './incidents-sql'
import { trafficSql } from './traffic-sql'

// Each indicator: the family SQL it sums, and how its value and basis follow from the sums
// (packages/domain analytics/indicators.ts is the definition of every number).

export type Sums = Record<string, number>

export interface ValueAndBasis {
  value: number | null
  basis: number
}

export interface IndicatorSql {
  family: FamilySql
  /** Counts are 0 where nothing happened; rates and means are null without a denominator. */
  value(sums: Sums | undefined, population: number | null): ValueAndBasis
  /** Whether a value needs whole Beijing days (daily means): no hour buckets. */
  daily: boolean
}

const get = (s: Sums | undefined, k: string) => s?.[k] ?? 0
const ratio = (num: number, den: number) => (den > 0 ? num / den : null)
const count = (k: string) => (s: Sums | undefined) => ({ value: get(s, k), basis: get(s, k) })
const rate = (num: string, den: string) => (s: Sums | undefined) => ({
  value: ratio(get(s, num), get(s, den)),
  basis: get(s, den),
})

const INDICATOR_SQL: Record<string, IndicatorSql> = {
  'incidents.count': { family: incidentsSql, daily: false, value: count('n') },
  'incidents.per10k': {
    family: incidentsSql,
    daily: false,
    // areas without an imported population have no value (README, "Population")
    value: (s, population) => ({
      value: population ? (get(s, 'n') / population) * 10_000 : null,
      basis: population ?? 0,
    }),
  },
  'cases.count': { family: casesReportedSql, daily: false, value: count('n') },
  'cases.closureRate': { family: casesDueSql, daily: false, value: rate('closed', 'due') },
  'cases.onTimeRate': { family: casesDueSql, daily: false, value: rate('on_time', 'due') },
  'cases.reworkRate': { family: casesDueSql, daily: false, value: rate('reworked', 'due') },
  'env.aqiMean': { family: envSql, daily: false, value: rate('aqi_sum', 'aqi_n') },
  'env.pm25Mean': { family: envSql, daily: false, value: rate('pm25_sum', 'pm25_n') },
  // a day count, but only where there are readings: no station is not "no bad days"
  'env.daysOver100': {
    family: envSql,
    daily: true,
    value: (s) => ({
      value: get(s, 'days_with') > 0 ? get(s, 'days_over') : null,
      basis: get(s, 'days_with'),
    }),
  },
  'env.goodDayRate': {
    family: envSql,
    daily: true,
    value: (s) => ({
      value: ratio(get(s, 'days_with') - get(s, 'days_over'), get(s, 'days_with')),
      basis: get(s, 'days_with'),
    }),
  },
  'traffic.arterialSpeedMean': {
    family: trafficSql,
    daily: false,
    value: rate('art_speed_sum', 'art_speed_n'),
  },
  // as for days over 100: an area without readings has no value, not 0 hours
  'traffic.congestedHours': {
    family: trafficSql,
    daily: false,
    value: (s) => ({
      value: get(s, 'readings') > 0 ? get(s, 'congested_hours') : null,
      basis: get(s, 'readings'),
    }),
  },
}

/** The SQL side of an indicator (the query schemas admit known ids only). */
export function indicatorSql(id: IndicatorId): IndicatorSql {
  const found = INDICATOR_SQL[id]
  if (!found) throw new Error(`analytics: no SQL for indicator ${id}`)
  return found
}
