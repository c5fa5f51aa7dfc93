import { Button, EmptyState, Panel } from '@cityops/ui'
import { lazy, Suspense, useMemo } from 'react'
import type { ReactNode } from 'react'
import { pickLabel, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { AreaTable } from './area-table'
import { formatChange, formatValue } from './format'
import { KpiTable } from './kpi-table'
import type { RankingBar } from './ranking-chart'
import { csvFileName, downloadText, sortAreas, tableRows, toCsv } from './table-rows'
import { NO_DATA_COLOR } from './thematic-model'
import type { ThematicView } from './thematic-url'
import type { KpiRow } from './use-kpis'
import type { useThematicData } from './use-thematic-data'

// echarts only when the ranking is drawn: its own chunk inside the thematic page's.
const RankingChart = lazy(() => import('./ranking-chart'))

// The chart shows the leaders of the ranking; the table below lists every area.
const RANKING_SIZE = 15

type Props = {
  view: ThematicView
  onChange: (patch: Partial<ThematicView>) => void
  data: ReturnType<typeof useThematicData>
  kpis: readonly KpiRow[]
  onFocusArea: (code: string | null) => void
  trends: ReactNode
  period: string
}

/** The side panel: ranking, the area table with its CSV, the KPIs against the plan, trends. */
export function ThematicSide({ view, onChange, data, kpis, onFocusArea, trends, period }: Props) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const { def, model } = data
  const sorted = useMemo(
    () => (model ? sortAreas(model.areas, view.sort, view.dir) : []),
    [model, view.sort, view.dir],
  )
  const table = useMemo(
    () => (model ? tableRows(model, sorted, def, locale) : null),
    [model, sorted, def, locale],
  )
  const bars = useMemo((): RankingBar[] => {
    if (!model) return []
    const ranked = sortAreas(model.areas, model.isCompare ? 'change' : 'value', 'desc')
    return ranked.slice(0, RANKING_SIZE).flatMap((a) =>
      a.mapped === null
        ? []
        : [
            {
              code: a.code,
              name: a.name,
              value: a.mapped,
              color: a.class === null ? NO_DATA_COLOR : (model.colors[a.class] ?? NO_DATA_COLOR),
              text: model.isCompare
                ? formatChange(def, a.mapped, locale)
                : formatValue(def, a.mapped, locale),
            },
          ],
    )
  }, [model, def, locale])
  const isEmpty =
    data.current.data !== undefined &&
    data.current.data.dataTime === null &&
    data.current.data.areas.every((a) => a.value === null || a.value === 0)

  const exportCsv = () => {
    if (!table) return
    const name = csvFileName(pickLabel(locale, def.label), period)
    downloadText(toCsv(table), name, 'text/csv;charset=utf-8')
  }

  return (
    <aside className="thematic-side" aria-label={t('thematic.table')}>
      <Panel title={t('thematic.ranking', { count: RANKING_SIZE })} className="thematic-panel">
        {isEmpty || (model && bars.length === 0) ? (
          <EmptyState title={t('thematic.empty')} description={t('thematic.emptyDescription')} />
        ) : model ? (
          <Suspense fallback={<div className="thematic-skeleton thematic-skeleton--chart" />}>
            <RankingChart bars={bars} label={t('thematic.ranking', { count: RANKING_SIZE })} />
          </Suspense>
        ) : (
          <div className="thematic-skeleton thematic-skeleton--chart" aria-busy="true" />
        )}
      </Panel>
      <Panel
        title={t('thematic.table')}
        className="thematic-panel"
        actions={
          <Button onClick={exportCsv} disabled={!table} data-testid="export-csv">
            {t('thematic.exportCsv')}
          </Button>
        }
      >
        {table && model ? (
          <AreaTable
            table={table}
            isCompare={model.isCompare}
            sort={view.sort}
            dir={view.dir}
            onSort={(sort, dir) => onChange({ sort, dir })}
            onFocusArea={onFocusArea}
          />
        ) : (
          <div className="thematic-skeleton thematic-skeleton--table" aria-busy="true" />
        )}
      </Panel>
      <Panel title={t('thematic.kpis')} className="thematic-panel">
        <KpiTable rows={kpis} />
        {trends}
      </Panel>
    </aside>
  )
}
