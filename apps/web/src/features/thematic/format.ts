import type { IndicatorDefinition } from '@cityops/domain'
import type { Locale } from '../../i18n'

type Shown = Pick<IndicatorDefinition, 'decimals' | 'isRate'>

// Rates are 0–1 in the API and shown as percentages with the indicator's decimals.
const scaled = (def: Shown, value: number) => (def.isRate ? value * 100 : value)

function digits(def: Shown, value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: def.decimals,
    maximumFractionDigits: def.decimals,
  }).format(value)
}

/** A value as the legend, tooltip and table show it: "12", "93.5%"; "—" for no value. */
export function formatValue(def: Shown, value: number | null, locale: Locale): string {
  if (value === null) return '—'
  const text = digits(def, scaled(def, value), locale)
  return def.isRate ? `${text}%` : text
}

/**
 * A change between two periods with its sign: "+3", "−1.5"; rates change in percentage
 * points ("+2.0 pp", "+2.0个百分点"), not in percent of the earlier rate.
 */
export function formatChange(def: Shown, change: number | null, locale: Locale): string {
  if (change === null) return '—'
  const v = scaled(def, change)
  const sign = v > 0 ? '+' : v < 0 ? '−' : ''
  const text = `${sign}${digits(def, Math.abs(v), locale)}`
  if (!def.isRate) return text
  return locale === 'zh-CN' ? `${text}个百分点` : `${text} pp`
}
