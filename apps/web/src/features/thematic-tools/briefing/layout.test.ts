import { describe, expect, it } from 'vitest'
import { briefingFileName } from './file-name'
import { briefingLayout, fitInside } from './layout'
import type { Rect } from './layout'
import { BRIEFING_SIZE } from './types'

const inside = (r: Rect, box: Rect) =>
  r.x >= box.x - 1e-9 &&
  r.y >= box.y - 1e-9 &&
  r.x + r.width <= box.x + box.width + 1e-9 &&
  r.y + r.height <= box.y + box.height + 1e-9
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const PAGE = { x: 0, y: 0, ...BRIEFING_SIZE }

describe('briefing layout', () => {
  it('fits the map into its box with its aspect ratio, centred', () => {
    const box = { x: 64, y: 192, width: 1075, height: 748 }
    const wide = fitInside({ width: 2000, height: 1000 }, box)
    expect(wide.width).toBe(1075)
    expect(wide.width / wide.height).toBeCloseTo(2)
    expect(wide.y - box.y).toBeCloseTo(box.y + box.height - (wide.y + wide.height))
    const tall = fitInside({ width: 600, height: 1200 }, box)
    expect(tall.height).toBe(748)
    expect(tall.width / tall.height).toBeCloseTo(0.5)
    expect(tall.x - box.x).toBeCloseTo(box.x + box.width - (tall.x + tall.width))
    expect(fitInside({ width: 0, height: 0 }, box)).toEqual(box)
  })

  it('puts the map left and the legend and KPI table right, all on the page, apart', () => {
    const l = briefingLayout({ legendCount: 5, kpiCount: 4, mapWidth: 1600, mapHeight: 900 })
    expect(inside(l.mapBox, PAGE)).toBe(true)
    expect(inside(l.panel, PAGE)).toBe(true)
    expect(overlaps(l.mapBox, l.panel)).toBe(false)
    expect(l.mapBox.x).toBeLessThan(l.panel.x)
    expect(inside(l.map, l.mapBox)).toBe(true)
    expect(l.legendRows).toHaveLength(5)
    expect(l.kpiRows).toHaveLength(5) // a header row and four KPIs
    const rows = [...l.legendRows, ...l.kpiRows]
    rows.forEach((r) => expect(inside(r, l.panel)).toBe(true))
    expect(l.kpiHeading.y).toBeGreaterThanOrEqual((l.legendRows.at(-1)?.y ?? 0) + l.rowHeight)
    // Title above the body, source and attribution below it, in that order.
    expect(l.title.y).toBeLessThan(l.period.y)
    expect(l.period.y).toBeLessThan(l.mapBox.y)
    expect(l.source.y).toBeGreaterThanOrEqual(l.mapBox.y + l.mapBox.height)
    expect(l.attribution.y).toBeGreaterThan(l.source.y)
    expect(l.attribution.y).toBeLessThan(BRIEFING_SIZE.height)
  })

  it('shrinks rows for ten classes and many KPIs and drops what still does not fit', () => {
    const ten = briefingLayout({ legendCount: 10, kpiCount: 8, mapWidth: 1, mapHeight: 1 })
    expect(ten.legendRows).toHaveLength(10)
    expect(ten.kpiRows).toHaveLength(9)
    expect(ten.rowHeight).toBeLessThan(44)
    const many = briefingLayout({ legendCount: 10, kpiCount: 40, mapWidth: 1, mapHeight: 1 })
    expect(many.kpiRows.length).toBeLessThan(41)
    many.kpiRows.forEach((r) => expect(inside(r, many.panel)).toBe(true))
  })
})

describe('briefing file name', () => {
  it('names the file after title and period without path or reserved characters', () => {
    expect(briefingFileName('简报', '结案率 · 区县', '2026/11/01–2026/11/30', 'png')).toBe(
      '简报-结案率 · 区县-2026-11-01–2026-11-30.png',
    )
    expect(briefingFileName('简报', ' a:b*?"<>|c\n ', '..', 'pdf')).toBe('简报-a-bc.pdf')
    expect(briefingFileName('Briefing', 'x'.repeat(200), 'p', 'pdf')).toHaveLength(84)
  })
})
