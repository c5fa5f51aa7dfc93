import type { Locale } from '../../../i18n'

/** Everything the one-page briefing shows; the page that owns the map assembles it. */
export type BriefingSnapshot = {
  title: string
  period: string
  /** "数据截至" text, already formatted. */
  dataTime: string
  source: string
  legend: { color: string; label: string; count: number }[]
  kpis: { label: string; value: string; target: string | null; met: boolean | null }[]
  /** The map as drawn (e.g. MapLibre's canvas with preserveDrawingBuffer, or a copy of it). */
  map: HTMLCanvasElement
  locale: Locale
}

export type BriefingExportProps = {
  getSnapshot: () => Promise<BriefingSnapshot>
}

/** The exported image is exactly full HD, the wall's and most projectors' native size. */
export const BRIEFING_SIZE = { width: 1920, height: 1080 } as const
