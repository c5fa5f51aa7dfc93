import type { Map as MapLibreMap } from 'maplibre-gl'

export interface Span {
  start: number
  duration: number
}

const longTasks: Span[] = []

/** Long tasks (> 50 ms on the main thread) from page load on; call once, first thing. */
export function observeLongTasks() {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
}

export const longTasksBetween = (from: number, to: number) =>
  longTasks.filter((t) => t.start >= from && t.start < to)

/** Frames the map drew, and the longest gap between two of them, between start and stop. */
export function countMapFrames(map: MapLibreMap) {
  const times: number[] = []
  const onRender = () => times.push(performance.now())
  map.on('render', onRender)
  return {
    between(from: number, to: number) {
      const inWindow = times.filter((t) => t >= from && t < to)
      let maxGapMs = 0
      for (let i = 1; i < inWindow.length; i++)
        maxGapMs = Math.max(maxGapMs, (inWindow[i] ?? 0) - (inWindow[i - 1] ?? 0))
      return { frames: inWindow.length, maxGapMs }
    },
    stop: () => map.off('render', onRender),
  }
}
