import { THEME_TOKENS } from '@cityops/ui'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsType } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useCallback, useEffect, useRef } from 'react'
import { useAppStore } from '../../stores/app-store'

// Only the bar chart and the parts it needs, so the bundle carries no other chart types.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

export type RankingBar = { code: string; name: string; value: number; color: string; text: string }

type Props = { bars: readonly RankingBar[]; label: string }

const BAR_HEIGHT = 22

/** Areas as horizontal bars, the largest on top; the table beside it is the accessible twin. */
export default function RankingChart({ bars, label }: Props) {
  const theme = useAppStore((s) => s.theme)
  const chartRef = useRef<EChartsType | null>(null)
  const containerRef = useCallback((node: HTMLDivElement) => {
    const chart = echarts.init(node, undefined, { renderer: 'canvas' })
    chartRef.current = chart
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize())
    observer?.observe(node)
    return () => {
      observer?.disconnect()
      chartRef.current = null
      chart.dispose()
    }
  }, [])

  useEffect(() => {
    const c = THEME_TOKENS[theme].color
    // echarts draws categories bottom-up: reverse so the first bar is on top.
    const ordered = [...bars].reverse()
    chartRef.current?.setOption(
      {
        animation: false,
        grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
        tooltip: {
          trigger: 'item',
          formatter: (p: { dataIndex: number }) => tooltipOf(ordered, p),
        },
        xAxis: { type: 'value', show: false },
        yAxis: {
          type: 'category',
          data: ordered.map((b) => b.name),
          axisTick: { show: false },
          axisLine: { lineStyle: { color: c.border } },
          axisLabel: { color: c.text, fontSize: 12 },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 16,
            data: ordered.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
            label: {
              show: true,
              position: 'right',
              color: c.textMuted,
              formatter: (p: { dataIndex: number }) => ordered[p.dataIndex]?.text ?? '',
            },
          },
        ],
      },
      { notMerge: true },
    )
    chartRef.current?.resize()
  }, [bars, theme])

  return (
    <div
      ref={containerRef}
      className="thematic-ranking"
      role="img"
      aria-label={label}
      data-testid="ranking-chart"
      style={{ height: Math.max(120, bars.length * BAR_HEIGHT + 8) }}
    />
  )
}

function tooltipOf(bars: readonly RankingBar[], p: { dataIndex: number }): string {
  const bar = bars[p.dataIndex]
  return bar ? `${escapeHtml(bar.name)}：${escapeHtml(bar.text)}` : ''
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch,
  )
