import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { briefingLayout } from './layout'
import { BriefingExport } from './briefing-export'
import { readBytes } from './render-pdf'
import { renderBriefingPng, sourceLine } from './render-png'
import { pngSize, recordCanvas } from './test-canvas'
import { BRIEFING_SIZE } from './types'
import type { BriefingSnapshot } from './types'

// A busy machine (two cores, several runners) can take seconds to settle.
const WAIT = { timeout: 5000 }

function snapshot(overrides: Partial<BriefingSnapshot> = {}): BriefingSnapshot {
  const map = document.createElement('canvas')
  map.width = 1600
  map.height = 1000
  return {
    title: '结案率 · 区县',
    period: '2026/11/01–2026/11/30',
    dataTime: '2026-11-23 08:00',
    source: '城管案件（GB/T 30428.4）',
    legend: [
      { color: '#eff3ff', label: '≤ 80.0%', count: 3 },
      { color: '#08519c', label: '> 95.0%', count: 2 },
    ],
    kpis: [
      { label: '结案率', value: '91.2%', target: '≥ 90%', met: true },
      { label: '主干路平均车速', value: '38.5 km/h', target: '> 40 km/h', met: false },
    ],
    map,
    locale: 'zh-CN',
    ...overrides,
  }
}

type Saved = { name: string; blob: Blob }

function captureDownloads() {
  const saved: Saved[] = []
  const blobs = new Map<string, Blob>()
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`
        blobs.set(url, blob)
        return url
      },
      revokeObjectURL: (url: string) => void blobs.delete(url),
    }),
  )
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)
    if (blob) saved.push({ name: this.download, blob })
  })
  return saved
}

const bytes = readBytes

let canvas: ReturnType<typeof recordCanvas>
beforeEach(() => {
  canvas = recordCanvas()
})

describe('renderBriefingPng', () => {
  it('draws a 1920 × 1080 PNG with title, period, map, legend, KPIs and the source line', async () => {
    const s = snapshot()
    const png = await renderBriefingPng(s)
    expect(BRIEFING_SIZE).toEqual({ width: 1920, height: 1080 })
    expect(canvas.blobs).toEqual([{ width: 1920, height: 1080, type: 'image/png' }])
    expect(png.type).toBe('image/png')
    expect(pngSize(await bytes(png))).toEqual(BRIEFING_SIZE)

    const texts = canvas.texts()
    for (const expected of ['结案率 · 区县', '2026/11/01–2026/11/30', '图例', '关键指标']) {
      expect(texts).toContain(expected)
    }
    expect(texts).toEqual(expect.arrayContaining(['≤ 80.0%', '3', '91.2%', '≥ 90%', '✗ 未达标']))
    expect(texts).toContain('数据截至 2026-11-23 08:00 · 来源 城管案件（GB/T 30428.4）')
    expect(texts.some((t) => t.startsWith('城市运行指挥中心 · 郑州 · 底图：'))).toBe(true)

    const layout = briefingLayout({ legendCount: 2, kpiCount: 2, mapWidth: 1600, mapHeight: 1000 })
    const drawn = canvas.calls.find((c) => c.op === 'drawImage')
    expect(drawn?.args).toEqual([
      s.map,
      layout.map.x,
      layout.map.y,
      layout.map.width,
      layout.map.height,
    ])
  })

  it('labels the data time and source once, also when the page labelled them already', () => {
    const plain = { locale: 'zh-CN' as const, dataTime: '2026-11-23 08:00', source: '城管案件' }
    expect(sourceLine(plain)).toBe('数据截至 2026-11-23 08:00 · 来源 城管案件')
    expect(
      sourceLine({ ...plain, dataTime: '数据截至 2026/11/23 09:07', source: '来源：城管案件' }),
    ).toBe('数据截至 2026/11/23 09:07 · 来源：城管案件')
    expect(
      sourceLine({ locale: 'en', dataTime: '2026-11-23 08:00', source: 'Source: CNEMC' }),
    ).toBe('Data as of 2026-11-23 08:00 · Source: CNEMC')
  })

  it('writes the English labels for an English snapshot', async () => {
    await renderBriefingPng(snapshot({ locale: 'en' }))
    expect(canvas.texts()).toEqual(expect.arrayContaining(['Legend', 'Key indicators', '✓ Met']))
  })
})

describe('BriefingExport', () => {
  it('saves 简报-<title>-<period>.png and .pdf, the PDF holding the JPEG of the same image', async () => {
    const saved = captureDownloads()
    const getSnapshot = vi.fn(() => Promise.resolve(snapshot()))
    render(<BriefingExport getSnapshot={getSnapshot} />)
    fireEvent.click(screen.getByTestId('export-png'))
    await waitFor(() => expect(saved).toHaveLength(1), WAIT)
    expect(saved[0]?.name).toBe('简报-结案率 · 区县-2026-11-01–2026-11-30.png')
    expect(saved[0]?.blob.type).toBe('image/png')

    fireEvent.click(screen.getByTestId('export-pdf'))
    await waitFor(() => expect(saved).toHaveLength(2), WAIT)
    expect(saved[1]?.name).toBe('简报-结案率 · 区县-2026-11-01–2026-11-30.pdf')
    const pdf = new TextDecoder('latin1').decode(await bytes(saved[1]?.blob ?? new Blob()))
    expect(pdf.startsWith('%PDF-1.4')).toBe(true)
    expect(pdf).toContain('/Width 1920 /Height 1080')
    expect(canvas.blobs.at(-1)).toMatchObject({ type: 'image/jpeg', width: 1920, height: 1080 })
    expect(getSnapshot).toHaveBeenCalledTimes(2)
  })

  it('is busy while it works and says what failed', async () => {
    captureDownloads()
    let fail: (e: Error) => void = () => undefined
    const pending = new Promise<BriefingSnapshot>((_, reject) => {
      fail = reject
    })
    render(<BriefingExport getSnapshot={() => pending} />)
    fireEvent.click(screen.getByTestId('export-pdf'))
    expect(screen.getByTestId('export-png')).toHaveProperty('disabled', true)
    expect(screen.getByRole('status').textContent).toBe('正在生成简报…')
    fail(new Error('地图尚未加载完成'))
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toContain(
      '简报导出失败：地图尚未加载完成',
    )
    expect(screen.getByTestId('export-png')).toHaveProperty('disabled', false)
  })
})
