import {
  indicatorById,
  meetsTarget,
  type IndicatorDefinition,
  type IndicatorId,
  type PlanTarget,
} from '@cityops/domain'
import { useQueries, useQuery } from '@tanstack/react-query'
import { planTargetsQueryOptions, timeseriesQueryOptions } from '../../api/analytics-history'
import { pickLabel, type Locale } from '../../i18n'
import { formatValue } from './format'
import type { Window } from './time-range'

export type KpiRow = {
  indicator: IndicatorId
  label: string
  value: string
  target: string | null
  met: boolean | null
}

const COMPARATOR_TEXT: Record<PlanTarget['comparator'], string> = {
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
}

function withUnit(def: IndicatorDefinition, value: number | null, locale: Locale): string {
  const text = formatValue(def, value, locale)
  const unit = def.isRate || value === null ? '' : pickLabel(locale, def.unit)
  return unit ? `${text} ${unit}` : text
}

/**
 * The briefing's KPI rows: the mapped indicator's city value over the window, then each plan
 * target's indicator against its target (GET /api/analytics/targets). City values are the
 * time series' `total` (the whole window, not a mean of buckets).
 */
export function useKpis(indicator: IndicatorId, w: Window | null, locale: Locale): KpiRow[] {
  const targets = useQuery(planTargetsQueryOptions())
  const list = targets.data?.targets ?? []
  const ids = [indicator, ...list.map((t) => t.indicator).filter((id) => id !== indicator)]
  const totals = useQueries({
    queries: ids.map((id) => ({
      ...timeseriesQueryOptions({
        indicator: id,
        from: w?.from ?? '',
        to: w?.to ?? '',
        bucket: 'day' as const,
      }),
      enabled: w !== null,
    })),
  })
  return ids.flatMap((id, i) => {
    const def = indicatorById(id)
    if (!def) return []
    const total = totals[i]?.data?.total ?? null
    const target = list.find((t) => t.indicator === id)
    return [
      {
        indicator: id,
        label: pickLabel(locale, def.label),
        value: totals[i]?.data ? withUnit(def, total, locale) : '…',
        target: target
          ? `${COMPARATOR_TEXT[target.comparator]} ${withUnit(def, target.value, locale)}`
          : null,
        met: target ? meetsTarget(total, target) : null,
      },
    ]
  })
}
