import { Page } from '@cityops/ui'
import { useMemo, useRef, useState } from 'react'
import { pickLabel, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useDeskTheme } from '../desk/use-desk-theme'
import { useUrlView } from '../desk/use-url-view'
import {
  BriefingExport,
  KpiTrends,
  TimeMachine,
  type BriefingSnapshot,
  type TimeMachineFrame,
} from '../thematic-tools'
import { areaLabelPoints } from './area-points'
import { formatChange, formatValue } from './format'
import { heatPoints, replayPoints, sizeSteps, symbolPoints } from './map-points'
import { classRange, legendRows } from './legend-model'
import { ThematicControls } from './thematic-controls'
import { ThematicLegend } from './thematic-legend'
import { ThematicMap, type ThematicMapHandle } from './thematic-map'
import { colorByCode } from './thematic-model'
import { ThematicSide } from './thematic-side'
import { ThematicStatus } from './thematic-status'
import { searchFromView, viewFromSearch } from './thematic-url'
import { formatBeijing, formatWindow } from './time-range'
import { useKpis } from './use-kpis'
import { useThematicData } from './use-thematic-data'
import './thematic-page.css'

const NO_POINTS: never[] = []

/** Route /thematic: the leader's thematic map with legend, ranking, table and briefing tools. */
export default function ThematicPage() {
  useDeskTheme()
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const [view, update] = useUrlView(viewFromSearch, searchFromView)
  // The page's clock: presets are day-aligned, so it only matters across midnight.
  const [now] = useState(() => Date.now())
  const [frame, setFrame] = useState<TimeMachineFrame | null>(null)
  const [focused, setFocused] = useState<string | null>(null)
  const mapRef = useRef<ThematicMapHandle | null>(null)
  const raw = useThematicData(view, now, frame)
  // The API names areas in Chinese; the outlines carry the English names.
  const model = useMemo(() => {
    const features = raw.areas.data?.features
    if (!raw.model || locale !== 'en' || !features) return raw.model
    const names = new Map(features.map((f) => [f.properties.code, f.properties.nameEn]))
    return {
      ...raw.model,
      areas: raw.model.areas.map((a) => ({ ...a, name: names.get(a.code) ?? a.name })),
    }
  }, [raw.model, raw.areas.data, locale])
  const data = useMemo(() => ({ ...raw, model }), [raw, model])
  const { def } = data

  const labels = useMemo(
    () =>
      data.areas.data ? areaLabelPoints(data.areas.data) : new Map<string, [number, number]>(),
    [data.areas.data],
  )
  const colors = useMemo(() => (model ? colorByCode(model) : new Map<string, string>()), [model])
  const rows = useMemo(() => (model ? legendRows(model, def, locale) : null), [model, def, locale])
  const heat = useMemo(
    () => (view.mode === 'heatmap' ? heatPoints(data.facts.data, model, labels) : NO_POINTS),
    [view.mode, data.facts.data, model, labels],
  )
  const symbols = useMemo(
    () => (view.mode === 'symbols' ? symbolPoints(model, labels) : NO_POINTS),
    [view.mode, model, labels],
  )
  const replay = useMemo(() => (frame ? replayPoints(frame.items) : NO_POINTS), [frame])
  const kpis = useKpis(view.indicator, data.shown, locale)

  const indicatorLabel = pickLabel(locale, def.label)
  const unit = pickLabel(locale, def.unit)
  const title = model?.isCompare
    ? t('thematic.legend.diffTitle', { indicator: indicatorLabel })
    : unit
      ? t('thematic.legend.title', { indicator: indicatorLabel, unit })
      : indicatorLabel
  const period = data.shown ? formatWindow(data.shown) : ''
  const dataTime = data.current.data?.dataTime
  const dataTimeText = dataTime
    ? t('thematic.dataTime', { time: formatBeijing(dataTime) })
    : t('thematic.dataTimeNone')
  const fmt = (v: number) =>
    model?.isCompare ? formatChange(def, v, locale) : formatValue(def, v, locale)

  const tooltip = (code: string) => {
    const area = model?.areas.find((a) => a.code === code)
    const name = data.areas.data?.features.find((f) => f.properties.code === code)?.properties
    if (!area || !model) return name ? (locale === 'en' && name.nameEn) || name.name : code
    const value = `${formatValue(def, area.value, locale)}${def.isRate || !unit ? '' : ` ${unit}`}`
    return (
      <>
        <strong>{area.name}</strong>
        <span>{value}</span>
        {model.isCompare ? (
          <span>
            {t('thematic.tooltip.change', {
              previous: formatValue(def, area.previous, locale),
              change: formatChange(def, area.change, locale),
            })}
          </span>
        ) : null}
        <span>
          {t('thematic.tooltip.class', { range: classRange(model, def, locale, area.class) })}
        </span>
      </>
    )
  }

  const getSnapshot = async (): Promise<BriefingSnapshot> => {
    const map = await (mapRef.current?.getMapImage() ?? Promise.reject(new Error('no map')))
    return {
      title: `${title} · ${t(`thematic.level.${view.level}`)}`,
      period,
      // The briefing writes its own "数据截至" before it.
      dataTime: dataTime ? formatBeijing(dataTime) : '—',
      source: t('thematic.source', { definition: pickLabel(locale, def.definition) }),
      legend: (rows ?? []).map((r) => ({ color: r.color, label: r.label, count: r.count })),
      kpis: kpis.map(({ label, value, target, met }) => ({ label, value, target, met })),
      map,
      locale,
    }
  }

  const focusedAt = focused ? labels.get(focused) : undefined
  return (
    <div className="thematic-root" data-testid="thematic-page">
      <Page
        title={t('thematic.title')}
        subtitle={`${indicatorLabel} · ${period}`}
        className="desk-page thematic-page"
        actions={<BriefingExport getSnapshot={getSnapshot} />}
      >
        <ThematicControls
          view={view}
          onChange={update}
          catalogue={data.catalogue.data ?? []}
          isRangeInvalid={data.range === null}
          isBreaksInvalid={data.isManualInvalid}
        />
        <div className="thematic-grid">
          <div className="thematic-main">
            <div className="thematic-map-wrap">
              <ThematicMap
                label={t('thematic.map', { indicator: indicatorLabel })}
                areas={data.areas.data ?? null}
                colors={colors}
                mode={view.mode}
                heat={heat}
                symbols={symbols}
                replay={replay}
                focused={focused && focusedAt ? { code: focused, at: focusedAt } : null}
                tooltip={tooltip}
                handleRef={mapRef}
              />
              <ThematicLegend
                title={title}
                period={t('thematic.period', { period })}
                comparePeriod={
                  data.previous
                    ? t('thematic.comparePeriod', { period: formatWindow(data.previous) })
                    : null
                }
                dataTime={
                  frame ? t('thematic.frame', { time: formatBeijing(frame.at) }) : dataTimeText
                }
                rows={rows}
                mode={view.mode}
                sizes={sizeSteps(model).map((s) => ({ label: fmt(s.value), radius: s.radius }))}
                isCompare={model?.isCompare ?? false}
              />
              <ThematicStatus data={data} mode={view.mode} />
            </div>
            <div className="thematic-tm">
              {data.range ? (
                <TimeMachine from={data.range.from} to={data.range.to} onFrame={setFrame} />
              ) : null}
            </div>
          </div>
          <ThematicSide
            view={view}
            onChange={update}
            data={data}
            kpis={kpis}
            onFocusArea={setFocused}
            trends={data.range ? <KpiTrends from={data.range.from} to={data.range.to} /> : null}
            period={period}
          />
        </div>
      </Page>
    </div>
  )
}
