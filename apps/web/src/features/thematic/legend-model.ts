import type { IndicatorDefinition } from '@cityops/domain'
import { translate, type Locale } from '../../i18n'
import { formatChange, formatValue } from './format'
import { NO_DATA_COLOR, type ThematicModel } from './thematic-model'

export type LegendRow = {
  color: string
  /** "≤ 12" for the first class, "> 12 至 ≤ 30" after it. */
  label: string
  count: number
  /** The class's upper break exactly as classified (the API's number); null for no data. */
  upper: number | null
}

type Shown = Pick<IndicatorDefinition, 'decimals' | 'isRate'>

/**
 * One row per class (previous break exclusive, own break inclusive, as the domain's classOf
 * assigns them) with the number of areas in it, then the no-data row.
 */
export function legendRows(model: ThematicModel, def: Shown, locale: Locale): LegendRow[] {
  const fmt = (v: number) =>
    model.isCompare ? formatChange(def, v, locale) : formatValue(def, v, locale)
  const rows = model.breaks.map((upper, i): LegendRow => {
    const lower = model.breaks[i - 1]
    const label =
      lower === undefined
        ? translate(locale, 'thematic.legend.first', { hi: fmt(upper) })
        : translate(locale, 'thematic.legend.range', { lo: fmt(lower), hi: fmt(upper) })
    return {
      color: model.colors[i] ?? NO_DATA_COLOR,
      label,
      count: model.counts[i] ?? 0,
      upper,
    }
  })
  rows.push({
    color: NO_DATA_COLOR,
    label: translate(locale, 'thematic.legend.noData'),
    count: model.noDataCount,
    upper: null,
  })
  return rows
}

/** The class range of one area's class, for the tooltip. */
export function classRange(
  model: ThematicModel,
  def: Shown,
  locale: Locale,
  cls: number | null,
): string {
  if (cls === null) return translate(locale, 'thematic.legend.noData')
  return legendRows(model, def, locale)[cls]?.label ?? ''
}
