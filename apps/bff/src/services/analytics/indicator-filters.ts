import { indicatorById } from '@cityops/domain'
import { HttpError } from '../../http/http-error'
import type { AnalyticsFilters } from './family-sql'

const FILTER_KEYS = ['incidentCategory', 'incidentGrade', 'caseCategory'] as const

/** A filter the indicator does not understand is refused, never silently ignored. */
export function checkFilters(indicatorId: string, query: AnalyticsFilters): void {
  const understood: readonly string[] = indicatorById(indicatorId)?.filters ?? []
  const refused = FILTER_KEYS.filter((k) => query[k] !== undefined && !understood.includes(k))
  if (refused.length > 0) {
    throw new HttpError(
      400,
      `指标 ${indicatorId} 不支持筛选条件 ${refused.join('、')} / Indicator ${indicatorId} does not take the filter ${refused.join(', ')}`,
    )
  }
}
