import type { IndicatorDefinition } from '@cityops/domain'
import { translate, type Locale } from '../../i18n'
import { formatChange, formatValue } from './format'
import type { AreaRow, ThematicModel } from './thematic-model'
import type { SortKey } from './thematic-url'

type Shown = Pick<IndicatorDefinition, 'decimals' | 'isRate'>

/** The area table exactly as shown: a header row and one row of texts per area. */
export type TableRows = { header: string[]; rows: { code: string; cells: string[] }[] }

const byNumber = (a: number | null, b: number | null) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b

/** Areas in table order; areas without a number stay at the bottom either way. */
export function sortAreas(areas: readonly AreaRow[], key: SortKey, dir: 'asc' | 'desc') {
  const sign = dir === 'asc' ? 1 : -1
  const compare = (a: AreaRow, b: AreaRow): number => {
    if (key === 'name') return sign * a.name.localeCompare(b.name, 'zh-CN')
    if (key === 'code') return sign * a.code.localeCompare(b.code)
    const x = key === 'change' ? a.change : a.value
    const y = key === 'change' ? b.change : b.value
    if (x === null || y === null) return byNumber(x, y)
    return sign * (x - y) || a.code.localeCompare(b.code)
  }
  return [...areas].sort(compare)
}

/** 1-based class number as shown ("第 3 级"); "—" without a class. */
const classText = (cls: number | null, locale: Locale) =>
  cls === null ? '—' : translate(locale, 'thematic.table.classN', { n: cls + 1 })

export function tableRows(
  model: ThematicModel,
  areas: readonly AreaRow[],
  def: Shown,
  locale: Locale,
): TableRows {
  const tr = (key: Parameters<typeof translate>[1]) => translate(locale, key)
  const header = model.isCompare
    ? [
        tr('thematic.table.code'),
        tr('thematic.table.name'),
        tr('thematic.table.value'),
        tr('thematic.table.previous'),
        tr('thematic.table.change'),
        tr('thematic.table.class'),
      ]
    : [
        tr('thematic.table.code'),
        tr('thematic.table.name'),
        tr('thematic.table.value'),
        tr('thematic.table.class'),
      ]
  const rows = areas.map((a) => ({
    code: a.code,
    cells: model.isCompare
      ? [
          a.code,
          a.name,
          formatValue(def, a.value, locale),
          formatValue(def, a.previous, locale),
          formatChange(def, a.change, locale),
          classText(a.class, locale),
        ]
      : [a.code, a.name, formatValue(def, a.value, locale), classText(a.class, locale)],
  }))
  return { header, rows }
}

// RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled.
const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/**
 * The table as CSV: the same header and cells, CRLF line ends, and a UTF-8 byte-order mark so
 * Excel on Chinese Windows reads 中文 as UTF-8 instead of GBK.
 */
export function toCsv(table: TableRows): string {
  const lines = [table.header, ...table.rows.map((r) => r.cells)]
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`
}

/** A file name without characters Windows refuses: "突发事件数_2026-11-17 0000–2026-11-24 0000.csv". */
export function csvFileName(label: string, period: string): string {
  return `${label}_${period}`.replace(/[\\/:*?"<>|]/g, '').replace(/\s+/g, ' ') + '.csv'
}

/** Starts a download of `text` as a file (a Blob URL on a temporary link). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
