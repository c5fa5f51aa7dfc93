import { BRIEFING_SIZE } from './types'

// Where everything sits on the 1920 × 1080 briefing, computed apart from the drawing so it
// can be tested: title and period on top, the map left, legend and KPI table right, the
// source line and attribution at the bottom.

export type Rect = { x: number; y: number; width: number; height: number }

const MARGIN = 64
const GAP = 48
const HEADER_HEIGHT = 128
const FOOTER_HEIGHT = 76
/** The map takes over half the width (it is the subject); the KPI table needs the rest. */
const MAP_SHARE = 0.56
const HEADING_HEIGHT = 52
const SECTION_GAP = 32
const MAX_ROW_HEIGHT = 44
const MIN_ROW_HEIGHT = 24

export const BRIEFING_FONT = {
  title: 48,
  period: 28,
  heading: 30,
  /** Row text is a little under the row's height. */
  rowRatio: 0.55,
  footer: 22,
  attribution: 18,
} as const

export type BriefingLayout = {
  title: { x: number; y: number; maxWidth: number }
  period: { x: number; y: number; maxWidth: number }
  rule: { x1: number; x2: number; y: number }
  mapBox: Rect
  /** The map image inside mapBox, aspect kept and centred. */
  map: Rect
  panel: Rect
  legendHeading: { x: number; y: number }
  legendRows: Rect[]
  kpiHeading: { x: number; y: number }
  /** Column x positions in the KPI table: indicator, value, target, met. */
  kpiColumns: [number, number, number, number]
  kpiRows: Rect[]
  rowHeight: number
  source: { x: number; y: number; maxWidth: number }
  attribution: { x: number; y: number; maxWidth: number }
}

/** `inner` scaled to fit inside `box`, aspect ratio kept, centred; an empty size gives the box. */
export function fitInside(inner: { width: number; height: number }, box: Rect): Rect {
  if (!(inner.width > 0 && inner.height > 0)) return box
  const scale = Math.min(box.width / inner.width, box.height / inner.height)
  const width = inner.width * scale
  const height = inner.height * scale
  return {
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  }
}

export function briefingLayout(input: {
  legendCount: number
  kpiCount: number
  mapWidth: number
  mapHeight: number
}): BriefingLayout {
  const { width: W, height: H } = BRIEFING_SIZE
  const contentW = W - 2 * MARGIN
  const bodyTop = MARGIN + HEADER_HEIGHT
  const bodyBottom = H - MARGIN - FOOTER_HEIGHT
  const bodyH = bodyBottom - bodyTop
  const mapBox = { x: MARGIN, y: bodyTop, width: Math.round(contentW * MAP_SHARE), height: bodyH }
  const panelX = mapBox.x + mapBox.width + GAP
  const panel = { x: panelX, y: bodyTop, width: W - MARGIN - panelX, height: bodyH }

  // Rows share what the two headings leave; they shrink (to a floor) before they overflow.
  const rows = input.legendCount + input.kpiCount + 1 // +1: the KPI table's header row
  const free = bodyH - 2 * HEADING_HEIGHT - SECTION_GAP
  const rowHeight = Math.max(MIN_ROW_HEIGHT, Math.min(MAX_ROW_HEIGHT, Math.floor(free / rows)))
  // Rows that would cross into the footer are left out (the page's own table has them all).
  const rowsAt = (y: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      x: panel.x,
      y: y + i * rowHeight,
      width: panel.width,
      height: rowHeight,
    })).filter((r) => r.y + r.height <= bodyBottom)
  const legendTop = bodyTop + HEADING_HEIGHT
  const legendRows = rowsAt(legendTop, input.legendCount)
  const kpiHeadingY = legendTop + input.legendCount * rowHeight + SECTION_GAP
  const kpiRows = rowsAt(kpiHeadingY + HEADING_HEIGHT, input.kpiCount + 1)
  const col = (share: number) => Math.round(panel.x + panel.width * share)

  return {
    title: { x: MARGIN, y: MARGIN, maxWidth: contentW },
    period: { x: MARGIN, y: MARGIN + BRIEFING_FONT.title + 16, maxWidth: contentW },
    rule: { x1: MARGIN, x2: W - MARGIN, y: bodyTop - 24 },
    mapBox,
    map: fitInside({ width: input.mapWidth, height: input.mapHeight }, mapBox),
    panel,
    legendHeading: { x: panel.x, y: bodyTop },
    legendRows,
    kpiHeading: { x: panel.x, y: kpiHeadingY },
    kpiColumns: [panel.x, col(0.36), col(0.58), col(0.8)],
    kpiRows,
    rowHeight,
    source: { x: MARGIN, y: bodyBottom + 20, maxWidth: contentW },
    attribution: { x: MARGIN, y: bodyBottom + 20 + BRIEFING_FONT.footer + 12, maxWidth: contentW },
  }
}
