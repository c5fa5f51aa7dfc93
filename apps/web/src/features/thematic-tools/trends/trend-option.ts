import type { ColorTokens } from '@cityops/ui'
import type { LineSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { ComposeOption } from 'echarts/core'

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>

export type TrendChartModel = {
  /** Axis labels, one per bucket (already formatted). */
  labels: string[]
  /** Values as shown (percentages for rates); null = no value in the bucket (a gap). */
  values: (number | null)[]
  /** The target as shown, and its label ("目标 > 40 km/h"). */
  target: number
  targetLabel: string
  seriesName: string
  /** Formats a shown value for the tooltip and axis. */
  format: (value: number) => string
  isRate: boolean
}

export type TrendTheme = { color: ColorTokens; fontFamily: string; fontSize: number }

/**
 * The y-range covers the line and the target (a mark line outside the axis is not drawn),
 * padded and rounded to a readable step; rates stay within 0–100 %.
 */
export function trendBounds(values: readonly (number | null)[], target: number, isRate: boolean) {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v))
  const lo = Math.min(target, ...present)
  const hi = Math.max(target, ...present)
  const span = hi - lo || Math.abs(hi) || 1
  const step = niceStep(span / 4)
  let min = Math.floor((lo - span * 0.1) / step) * step
  let max = Math.ceil((hi + span * 0.1) / step) * step
  if (lo >= 0) min = Math.max(0, min)
  if (isRate) max = Math.min(100, max)
  return { min, max, step }
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw))
  const fraction = raw / power
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
  return nice * power
}

export function trendOption(model: TrendChartModel, theme: TrendTheme): TrendOption {
  const { color: c, fontFamily, fontSize } = theme
  const bounds = trendBounds(model.values, model.target, model.isRate)
  const text = { color: c.textMuted, fontFamily, fontSize }
  return {
    animation: false,
    textStyle: { fontFamily, fontSize },
    grid: { left: 8, right: 16, top: fontSize * 2, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? model.format(v) : '—'),
    },
    xAxis: {
      type: 'category',
      data: model.labels,
      boundaryGap: false,
      axisLabel: { ...text, hideOverlap: true },
      axisLine: { lineStyle: { color: c.border } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: bounds.min,
      max: bounds.max,
      interval: bounds.step,
      axisLabel: { ...text, formatter: (v: number) => (model.isRate ? `${v}%` : String(v)) },
      splitLine: { lineStyle: { color: c.border, opacity: 0.5 } },
    },
    series: [
      {
        type: 'line',
        name: model.seriesName,
        data: model.values,
        connectNulls: false,
        showSymbol: model.values.length <= 31,
        symbolSize: 5,
        lineStyle: { color: c.accent, width: 2 },
        itemStyle: { color: c.accent },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: c.warn, width: 2 },
          label: { formatter: model.targetLabel, position: 'insideEndTop', ...text, color: c.warn },
          data: [{ yAxis: model.target, name: model.targetLabel }],
        },
      },
    ],
  }
}
