import { indicatorById, meetsTarget } from '@cityops/domain'
import type { IndicatorDefinition, PlanTarget, TimeBucket, TimeseriesResult } from '@cityops/domain'
import { FONT_FAMILY_SANS, THEME_TOKENS } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { timeseriesQueryOptions } from '../../../api/analytics-history'
import { pickLabel, useT } from '../../../i18n'
import type { Locale, Translate } from '../../../i18n'
import { useAppStore } from '../../../stores/app-store'
import { formatBeijing } from '../time-machine/beijing-time'
import { formatIndicator, formatTarget, shownNumber } from './format'
import { canDrawCanvas, TrendChart } from './trend-chart'
import { trendOption } from './trend-option'

type KpiTrendProps = {
  target: PlanTarget
  from: string
  to: string
  bucket: TimeBucket
  area?: string
}

/** One plan target: its indicator's line, the target as a dashed line, met or not this period. */
export function KpiTrend({ target, from, to, bucket, area }: KpiTrendProps) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const theme = useAppStore((s) => s.theme)
  const def = indicatorById(target.indicator)
  const query = useQuery(
    timeseriesQueryOptions({ indicator: target.indicator, from, to, bucket, area }),
  )
  const series = query.data
  const option = useMemo(() => {
    if (!def || !series) return null
    return trendOption(chartModel(def, target, series, locale, t), {
      color: THEME_TOKENS[theme].color,
      fontFamily: FONT_FAMILY_SANS,
      fontSize: chartFontSize(THEME_TOKENS[theme].fontSize.sm),
    })
  }, [def, target, series, locale, t, theme])
  if (!def) return null

  const name = pickLabel(locale, def.label)
  const { comparator, value } = formatTarget(def, target, locale)
  const targetText = t('kpiTrends.target', { comparator, value })
  const total = series?.total ?? null
  const met = series ? meetsTarget(total, target) : null
  const status = t(met === null ? 'kpiTrends.noValue' : met ? 'kpiTrends.met' : 'kpiTrends.notMet')
  const periodText = formatIndicator(def, total, locale)
  const summary = t('kpiTrends.summary', {
    indicator: name,
    value: periodText,
    target: targetText,
    status,
  })
  const isCanvas = canDrawCanvas()

  return (
    <article className="tt-trend" data-testid="kpi-trend" data-indicator={def.id}>
      <header className="tt-trend__head">
        <h4 className="tt-trend__title">{name}</h4>
        {series ? (
          <span
            className={`tt-badge tt-badge--${met === null ? 'none' : met ? 'met' : 'unmet'}`}
            data-testid="kpi-trend-badge"
          >
            {met === null ? '–' : met ? '✓' : '✗'} {status}
          </span>
        ) : null}
      </header>
      <p className="tt-trend__period">
        {t('kpiTrends.period', { value: periodText })} · {targetText}
      </p>
      {query.isError ? (
        <p role="alert" className="tt-trend__error">
          {t('kpiTrends.loadFailed', { message: query.error.message })}
        </p>
      ) : null}
      {option && isCanvas ? <TrendChart option={option} label={summary} /> : null}
      {!series && !query.isError ? (
        <div className="tt-trend__placeholder" aria-busy="true" />
      ) : null}
      {series ? <TrendTable def={def} series={series} name={name} isVisible={!isCanvas} /> : null}
      <p className="tt-trend__source">
        {t('kpiTrends.source', { source: pickLabel(locale, target.source) })}
      </p>
    </article>
  )
}

function TrendTable(props: {
  def: IndicatorDefinition
  series: TimeseriesResult
  name: string
  isVisible: boolean
}) {
  const { def, series, name, isVisible } = props
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const bucket = t(series.bucket === 'hour' ? 'kpiTrends.bucketHour' : 'kpiTrends.bucketDay')
  return (
    <table className={isVisible ? 'tt-trend__table' : 'co-visually-hidden'}>
      <caption>{t('kpiTrends.tableCaption', { indicator: name, bucket })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('kpiTrends.colTime')}</th>
          <th scope="col">{t('kpiTrends.colValue')}</th>
        </tr>
      </thead>
      <tbody>
        {series.points.map((p) => (
          <tr key={p.t}>
            <td>{formatBeijing(p.t)}</td>
            <td>{formatIndicator(def, p.value, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function chartModel(
  def: IndicatorDefinition,
  target: PlanTarget,
  series: TimeseriesResult,
  locale: Locale,
  t: Translate,
) {
  const { comparator, value } = formatTarget(def, target, locale)
  const decimals = def.decimals
  return {
    labels: series.points.map((p) => axisLabel(p.t, series.bucket)),
    values: series.points.map((p) =>
      p.value === null ? null : Number(shownNumber(def, p.value).toFixed(decimals)),
    ),
    target: shownNumber(def, target.value),
    targetLabel: t('kpiTrends.target', { comparator, value }),
    seriesName: t('kpiTrends.series'),
    format: (v: number) => formatIndicator(def, def.isRate ? v / 100 : v, locale),
    isRate: def.isRate,
  }
}

/** "11-20" for days, "11-20 14:00" for hours (Beijing time). */
function axisLabel(iso: string, bucket: TimeBucket): string {
  const full = formatBeijing(iso)
  return bucket === 'hour' ? full.slice(5) : full.slice(5, 10)
}

/** The theme's small text size in px ("13px", or the wall's "max(20px, …)"). */
function chartFontSize(token: string): number {
  const px = /(\d+(?:\.\d+)?)px/.exec(token)?.[1]
  return px ? Number(px) : 13
}
