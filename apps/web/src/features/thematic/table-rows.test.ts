import { indicatorById, type ChoroplethResult } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { csvFileName, sortAreas, tableRows, toCsv } from './table-rows'
import { compareModel, currentModel } from './thematic-model'

const def = indicatorById('incidents.count')
if (!def) throw new Error('indicator missing')

const result: ChoroplethResult = {
  indicator: 'incidents.count',
  level: 'district',
  from: '2026-11-17T00:00:00+08:00',
  to: '2026-11-24T00:00:00+08:00',
  method: 'quantile',
  breaks: [5, 1200],
  counts: [1, 2],
  areas: [
    { code: '410102', name: '中原区', value: 5, class: 0, basis: 5 },
    { code: '410103', name: '二七区, "南"片', value: 1200, class: 1, basis: 1200 },
    { code: '410104', name: '管城回族区', value: 7, class: 1, basis: 7 },
    { code: '410105', name: '金水区', value: null, class: null, basis: 0 },
  ],
  dataTime: null,
}

describe('area table and its CSV', () => {
  it('sorts by value, areas without a value last', () => {
    const sorted = sortAreas(currentModel(result, def, 'oranges').areas, 'value', 'desc')
    expect(sorted.map((a) => a.code)).toEqual(['410103', '410104', '410102', '410105'])
    const asc = sortAreas(currentModel(result, def, 'oranges').areas, 'value', 'asc')
    expect(asc.map((a) => a.code)).toEqual(['410102', '410104', '410103', '410105'])
  })

  it('writes exactly the table’s rows, quoted where needed, with a BOM and CRLF', () => {
    const model = currentModel(result, def, 'oranges')
    const table = tableRows(model, sortAreas(model.areas, 'code', 'asc'), def, 'zh-CN')
    const csv = toCsv(table)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toEqual([
      '代码,名称,数值,级别',
      '410102,中原区,5,第1级',
      '410103,"二七区, ""南""片","1,200",第2级',
      '410104,管城回族区,7,第2级',
      '410105,金水区,—,—',
      '',
    ])
    expect(lines.length - 2).toBe(table.rows.length)
  })

  it('adds the comparison and the change in compare mode', () => {
    const before = { ...result, areas: result.areas.map((a) => ({ ...a, value: 6 })) }
    const model = compareModel(result, before, 'quantile', 3, undefined)
    const table = tableRows(model, model.areas, def, 'en')
    expect(table.header).toEqual(['Code', 'Name', 'Value', 'Comparison', 'Change', 'Class'])
    expect(table.rows[0]?.cells.slice(2, 5)).toEqual(['5', '6', '−1'])
    expect(table.rows[1]?.cells.slice(2, 5)).toEqual(['1,200', '6', '+1,194'])
  })

  it('names the file after the indicator and period without forbidden characters', () => {
    expect(csvFileName('突发事件数', '2026-11-17 00:00 – 2026-11-24 00:00')).toBe(
      '突发事件数_2026-11-17 0000 – 2026-11-24 0000.csv',
    )
  })
})
