import { Button, ErrorState, LoadingState } from '@cityops/ui'
import type { IndicatorId, TimeBucket } from '@cityops/domain'
import { useQuery } from '@tanstack/react-query'
import { planTargetsQueryOptions } from '../../../api/analytics-history'
import { useT } from '../../../i18n'
import '../thematic-tools.css'
import { KpiTrend } from './kpi-trend'
import type { KpiTrendsProps } from './types'

const TWO_DAYS_MS = 2 * 86_400_000

// Counted from daily mean AQI, so the API refuses to split them by the hour.
const DAY_BASED: ReadonlySet<IndicatorId> = new Set(['env.goodDayRate', 'env.daysOver100'])

/** Hours for a short window (a day or two reads best by the hour), days beyond. */
export function trendBucket(from: string, to: string, indicator: IndicatorId): TimeBucket {
  if (DAY_BASED.has(indicator)) return 'day'
  return Date.parse(to) - Date.parse(from) <= TWO_DAYS_MS ? 'hour' : 'day'
}

/** One small chart per plan target (GET /api/analytics/targets) over [from, to). */
export function KpiTrends({ from, to, area }: KpiTrendsProps) {
  const t = useT()
  const targets = useQuery(planTargetsQueryOptions())

  let body
  if (targets.isPending) body = <LoadingState label={t('kpiTrends.loading')} />
  else if (targets.isError) {
    body = (
      <ErrorState
        title={t('kpiTrends.loadFailed', { message: targets.error.message })}
        action={<Button onClick={() => void targets.refetch()}>{t('kpiTrends.retry')}</Button>}
      />
    )
  } else if (targets.data.targets.length === 0) {
    body = <p className="tt-muted">{t('kpiTrends.noTargets')}</p>
  } else {
    body = (
      <div className="tt-trends__grid">
        {targets.data.targets.map((target) => (
          <KpiTrend
            key={target.indicator}
            target={target}
            from={from}
            to={to}
            bucket={trendBucket(from, to, target.indicator)}
            area={area}
          />
        ))}
      </div>
    )
  }
  return (
    <section className="tt-trends" data-testid="kpi-trends" aria-labelledby="tt-trends-title">
      <h3 id="tt-trends-title" className="tt-trends__title">
        {t('kpiTrends.title')}
      </h3>
      {body}
    </section>
  )
}
