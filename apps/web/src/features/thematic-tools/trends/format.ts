import type { IndicatorDefinition, PlanComparator, PlanTarget } from '@cityops/domain'
import type { Locale } from '../../../i18n'

type Shown = Pick<IndicatorDefinition, 'decimals' | 'isRate' | 'unit'>

/** Rates are 0–1 in the API; the charts, badges and tables show percentages. */
export const shownNumber = (def: Pick<Shown, 'isRate'>, value: number): number =>
  def.isRate ? value * 100 : value

const COMPARATOR_TEXT: Record<PlanComparator, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' }

/** "41.2 km/h", "82.2%", "87" (AQI has no unit); "—" for no value. */
export function formatIndicator(
  def: Shown,
  value: number | null,
  locale: Locale,
  { isTrimmed = false } = {},
): string {
  if (value === null || !Number.isFinite(value)) return '—'
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: isTrimmed ? 0 : def.decimals,
    maximumFractionDigits: def.decimals,
    useGrouping: false,
  }).format(shownNumber(def, value))
  if (def.isRate) return `${text}%`
  const unit = locale === 'zh-CN' ? def.unit.zh : def.unit.en
  return unit === '' ? text : `${text} ${unit}`
}

/** The target as the chart's mark line says it: "> 40 km/h", "≥ 82.2%" (a round goal stays round). */
export function formatTarget(
  def: Shown,
  target: Pick<PlanTarget, 'comparator' | 'value'>,
  locale: Locale,
): { comparator: string; value: string } {
  return {
    comparator: COMPARATOR_TEXT[target.comparator],
    value: formatIndicator(def, target.value, locale, { isTrimmed: true }),
  }
}
