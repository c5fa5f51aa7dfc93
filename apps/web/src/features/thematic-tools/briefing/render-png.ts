import { FONT_FAMILY_SANS, THEME_TOKENS } from '@cityops/ui'
import { translate } from '../../../i18n'
import { ATTRIBUTION } from '../../../map/sources'
import { BRIEFING_FONT, briefingLayout } from './layout'
import type { BriefingLayout } from './layout'
import { BRIEFING_SIZE } from './types'
import type { BriefingSnapshot } from './types'

// The briefing is printed and pasted into reports: the light desk palette, whatever the screen.
const INK = THEME_TOKENS.desk.color
const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT_FAMILY_SANS}`

type Ctx = CanvasRenderingContext2D

/** The 1920 × 1080 briefing drawn on a new canvas. */
export async function drawBriefing(s: BriefingSnapshot): Promise<HTMLCanvasElement> {
  // System CJK fonts need no loading, but a web font still on its way would draw as a fallback.
  await document.fonts?.ready
  const canvas = document.createElement('canvas')
  canvas.width = BRIEFING_SIZE.width
  canvas.height = BRIEFING_SIZE.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('此浏览器无法绘制画布 / this browser cannot draw on a canvas')
  const layout = briefingLayout({
    legendCount: s.legend.length,
    kpiCount: s.kpis.length,
    mapWidth: s.map.width,
    mapHeight: s.map.height,
  })
  ctx.fillStyle = '#FFFFFF'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  drawHeader(ctx, s, layout)
  drawMap(ctx, s.map, layout)
  drawLegend(ctx, s, layout)
  drawKpis(ctx, s, layout)
  drawFooter(ctx, s, layout)
  return canvas
}

/** The briefing as a PNG of exactly BRIEFING_SIZE. */
export async function renderBriefingPng(s: BriefingSnapshot): Promise<Blob> {
  return canvasBlob(await drawBriefing(s), 'image/png')
}

export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number) {
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error(`画布无法导出 ${type} / canvas gave no ${type}`)),
      type,
      quality,
    )
  })
}

function text(ctx: Ctx, value: string, x: number, y: number, maxWidth: number) {
  ctx.fillText(fitText(ctx, value, maxWidth), x, y)
}

/** The text, cut with an ellipsis where it would pass `maxWidth`. */
export function fitText(ctx: Pick<Ctx, 'measureText'>, value: string, maxWidth: number): string {
  if (ctx.measureText(value).width <= maxWidth) return value
  let cut = value
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1)
  return `${cut}…`
}

function drawHeader(ctx: Ctx, s: BriefingSnapshot, l: BriefingLayout) {
  ctx.textBaseline = 'top'
  ctx.fillStyle = INK.text
  ctx.font = font(BRIEFING_FONT.title, 700)
  text(ctx, s.title, l.title.x, l.title.y, l.title.maxWidth)
  ctx.fillStyle = INK.textMuted
  ctx.font = font(BRIEFING_FONT.period)
  text(ctx, s.period, l.period.x, l.period.y, l.period.maxWidth)
  ctx.strokeStyle = INK.accent
  ctx.lineWidth = 3
  ctx.beginPath()
  ctx.moveTo(l.rule.x1, l.rule.y)
  ctx.lineTo(l.rule.x2, l.rule.y)
  ctx.stroke()
}

function drawMap(ctx: Ctx, map: HTMLCanvasElement, l: BriefingLayout) {
  const { mapBox: box, map: at } = l
  ctx.fillStyle = THEME_TOKENS.desk.map.background
  ctx.fillRect(box.x, box.y, box.width, box.height)
  if (map.width > 0 && map.height > 0) ctx.drawImage(map, at.x, at.y, at.width, at.height)
  ctx.strokeStyle = INK.border
  ctx.lineWidth = 2
  ctx.strokeRect(box.x, box.y, box.width, box.height)
}

function drawLegend(ctx: Ctx, s: BriefingSnapshot, l: BriefingLayout) {
  const t = (k: Parameters<typeof translate>[1]) => translate(s.locale, k)
  heading(ctx, t('briefing.legend'), l.legendHeading)
  const size = Math.round(l.rowHeight * BRIEFING_FONT.rowRatio)
  l.legendRows.forEach((row, i) => {
    const item = s.legend[i]
    if (!item) return
    const mid = row.y + row.height / 2
    ctx.fillStyle = item.color
    ctx.fillRect(row.x, mid - size / 2, size * 1.6, size)
    ctx.strokeStyle = INK.border
    ctx.lineWidth = 1
    ctx.strokeRect(row.x, mid - size / 2, size * 1.6, size)
    ctx.textBaseline = 'middle'
    ctx.font = font(size)
    ctx.fillStyle = INK.text
    ctx.textAlign = 'left'
    const labelX = row.x + size * 2.2
    text(ctx, item.label, labelX, mid, row.width - size * 2.2 - 120)
    ctx.textAlign = 'right'
    ctx.fillText(String(item.count), row.x + row.width, mid)
    ctx.textAlign = 'left'
  })
}

function drawKpis(ctx: Ctx, s: BriefingSnapshot, l: BriefingLayout) {
  const t = (k: Parameters<typeof translate>[1]) => translate(s.locale, k)
  heading(ctx, t('briefing.kpis'), l.kpiHeading)
  const size = Math.round(l.rowHeight * BRIEFING_FONT.rowRatio)
  const [c0, c1, c2, c3] = l.kpiColumns
  const right = l.panel.x + l.panel.width
  const header = [t('briefing.colIndicator'), t('briefing.colValue'), t('briefing.colTarget')]
  l.kpiRows.forEach((row, i) => {
    const mid = row.y + row.height / 2
    ctx.textBaseline = 'middle'
    if (i === 0) {
      ctx.font = font(size, 700)
      ctx.fillStyle = INK.textMuted
      header.forEach((h, j) => ctx.fillText(h, [c0, c1, c2][j] ?? c0, mid))
      ctx.fillText(t('briefing.colMet'), c3, mid)
    } else {
      const kpi = s.kpis[i - 1]
      if (!kpi) return
      ctx.font = font(size)
      ctx.fillStyle = INK.text
      text(ctx, kpi.label, c0, mid, c1 - c0 - 12)
      text(ctx, kpi.value, c1, mid, c2 - c1 - 12)
      text(ctx, kpi.target ?? t('briefing.none'), c2, mid, c3 - c2 - 12)
      const met =
        kpi.met === null ? t('briefing.none') : kpi.met ? t('briefing.met') : t('briefing.notMet')
      ctx.fillStyle = kpi.met === null ? INK.textMuted : kpi.met ? INK.ok : INK.danger
      const mark = kpi.met === null ? '' : kpi.met ? '✓ ' : '✗ '
      text(ctx, `${mark}${met}`, c3, mid, right - c3)
    }
    ctx.strokeStyle = INK.border
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.moveTo(row.x, row.y + row.height)
    ctx.lineTo(right, row.y + row.height)
    ctx.stroke()
  })
}

function heading(ctx: Ctx, value: string, at: { x: number; y: number }) {
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  ctx.font = font(BRIEFING_FONT.heading, 700)
  ctx.fillStyle = INK.text
  ctx.fillText(value, at.x, at.y)
}

function drawFooter(ctx: Ctx, s: BriefingSnapshot, l: BriefingLayout) {
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  ctx.font = font(BRIEFING_FONT.footer)
  ctx.fillStyle = INK.text
  const line = sourceLine(s)
  text(ctx, line, l.source.x, l.source.y, l.source.maxWidth)
  ctx.font = font(BRIEFING_FONT.attribution)
  ctx.fillStyle = INK.textMuted
  const basemap = [ATTRIBUTION.boundaries, ATTRIBUTION.rivers, ATTRIBUTION.roads].join('; ')
  const attribution = translate(s.locale, 'briefing.attribution', { basemap })
  text(ctx, attribution, l.attribution.x, l.attribution.y, l.attribution.maxWidth)
}

/**
 * "数据截至 … · 来源 …". A page may hand over texts that carry their own labels already
 * ("数据截至 2026/11/23 09:07", "来源：…"); those are used as they are, not labelled twice.
 */
export function sourceLine(s: Pick<BriefingSnapshot, 'locale' | 'dataTime' | 'source'>): string {
  const labelled = (label: string, value: string) =>
    value.startsWith(label.replace(/[\s:：]+$/, '')) ? value : `${label}${value}`
  const time = labelled(translate(s.locale, 'briefing.dataTimeLabel'), s.dataTime)
  return `${time} · ${labelled(translate(s.locale, 'briefing.sourceLabel'), s.source)}`
}
