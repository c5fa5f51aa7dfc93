import { classify, indicatorById, type ChoroplethResult } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { legendRows } from './legend-model'
import {
  classColors,
  compareModel,
  currentModel,
  divergingColors,
  NO_DATA_COLOR,
} from './thematic-model'

const incidents = indicatorById('incidents.count')
const closure = indicatorById('cases.closureRate')
if (!incidents || !closure) throw new Error('indicators missing')

const result = (
  values: (number | null)[],
  breaks: number[],
  counts: number[],
): ChoroplethResult => ({
  indicator: 'incidents.count',
  level: 'district',
  from: '2026-11-17T00:00:00+08:00',
  to: '2026-11-24T00:00:00+08:00',
  method: 'quantile',
  breaks,
  counts,
  areas: values.map((value, i) => ({
    code: `41010${i}`,
    name: `区${i}`,
    value,
    class: value === null ? null : breaks.findIndex((b) => value <= b),
    basis: 1,
  })),
  dataTime: null,
})

describe('legend rows from a ChoroplethResult', () => {
  it('has one row per class with the API’s break, range and count, then no data', () => {
    const r = result([1, 4, 4, 12.5, 30, null], [4, 12.5, 30], [3, 1, 1])
    const rows = legendRows(currentModel(r, incidents, 'oranges'), incidents, 'zh-CN')
    expect(rows.map((x) => x.upper)).toEqual([4, 12.5, 30, null])
    expect(rows.map((x) => x.label)).toEqual(['≤ 4', '> 4 至 ≤ 13', '> 13 至 ≤ 30', '无数据'])
    expect(rows.map((x) => x.count)).toEqual([3, 1, 1, 1])
    expect(rows[3]?.color).toBe(NO_DATA_COLOR)
  })

  it('shows rates as percentages with the indicator’s decimals', () => {
    const r = result([0.5, 0.9], [0.75, 0.935], [1, 1])
    const rows = legendRows(currentModel(r, closure, 'blues'), closure, 'en')
    expect(rows.map((x) => x.label)).toEqual(['≤ 75.0%', '> 75.0% to ≤ 93.5%', 'No data'])
  })

  it('makes darker mean worse: reversed where higher is better', () => {
    expect(classColors('blues', incidents, 3)).toEqual(['#deebf7', '#9ecae1', '#3182bd'])
    expect(classColors('blues', closure, 3)).toEqual(['#3182bd', '#9ecae1', '#deebf7'])
    expect(classColors('viridis', incidents, 2)).toEqual(['#fde725', '#440154'])
  })
})

describe('compare mode', () => {
  const current = result([10, 5, 8, null], [5, 10], [1, 2])
  const previous = result([4, 9, 8, 3], [4, 9], [1, 3])

  it('maps current − previous, classified by the domain’s classify, symmetric around 0', () => {
    const model = compareModel(current, previous, 'equal', 4, undefined)
    expect(model.areas.map((a) => a.change)).toEqual([6, -4, 0, null])
    expect(model.areas.map((a) => [a.value, a.previous])).toEqual([
      [10, 4],
      [5, 9],
      [8, 8],
      [null, 3],
    ])
    expect(model.breaks).toEqual(classify([6, -4, 0, -6, 4, -0], 'equal', 4).breaks)
    expect(model.breaks).toEqual([-3, 0, 3, 6])
    expect(model.areas.map((a) => a.class)).toEqual([3, 0, 1, null])
    expect(model.counts).toEqual([1, 1, 0, 1])
    expect(model.noDataCount).toBe(1)
    // Below zero orange, the class holding 0 neutral, above zero purple, darker further out.
    expect(model.colors).toEqual(['#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'])
  })

  it('formats the legend as signed changes; rates in percentage points', () => {
    const model = compareModel(current, previous, 'manual', 3, [-1, 1])
    expect(model.breaks).toEqual([-1, 1, 6])
    const labels = legendRows(model, incidents, 'zh-CN').map((r) => r.label)
    expect(labels).toEqual(['≤ −1', '> −1 至 ≤ +1', '> +1 至 ≤ +6', '无数据'])
  })
})

describe('change colours', () => {
  it('never paints "no change" as a decrease when zeros dominate', () => {
    expect(divergingColors([0, 30])).toEqual(['#f7f7f7', '#998ec3'])
    expect(divergingColors([-9, -3, 0, 3])).toEqual(['#e66101', '#fdb863', '#f7f7f7', '#b2abd2'])
  })
})

describe('one class', () => {
  it('uses the ramp’s light end when every area has the same value', () => {
    const r = result([0, 0, 0], [0], [3])
    expect(currentModel(r, incidents, 'oranges').colors).toEqual(['#fee6ce'])
    expect(classColors('viridis', incidents, 1)).toEqual(['#fde725'])
  })
})
