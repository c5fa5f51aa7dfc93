import { useCallback, useEffect, useRef } from 'react'
import { initLineChart } from './echarts-line'
import type { EChartsType } from './echarts-line'
import type { TrendOption } from './trend-option'

let canvasSupport: boolean | undefined

/** Whether this browser can draw a 2D canvas (jsdom and some locked-down kiosks cannot). */
export function canDrawCanvas(): boolean {
  canvasSupport ??= document.createElement('canvas').getContext('2d') !== null
  return canvasSupport
}

/** Test hook: forget the probe so a test can answer it differently. */
export function resetCanvasProbe(): void {
  canvasSupport = undefined
}

type TrendChartProps = { option: TrendOption; label: string }

/** The echarts canvas of one trend; follows its box's size. The table beside it is its twin. */
export function TrendChart({ option, label }: TrendChartProps) {
  const chartRef = useRef<EChartsType | null>(null)

  const containerRef = useCallback((node: HTMLDivElement) => {
    const chart = initLineChart(node, undefined, { renderer: 'canvas' })
    chartRef.current = chart
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(node)
    return () => {
      observer.disconnect()
      chartRef.current = null
      chart.dispose()
    }
  }, [])

  // Runs after the ref callback on mount, so the first option lands on the new chart too.
  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={containerRef} className="tt-trend__chart" role="img" aria-label={label} />
}
