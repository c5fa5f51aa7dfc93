import { THEME_TOKENS } from '@cityops/ui'
import { describe, expect, it } from 'vitest'
import { formatIndicator, formatTarget } from './format'
import { trendBounds, trendOption } from './trend-option'

const SPEED = { decimals: 1, isRate: false, unit: { zh: 'km/h', en: 'km/h' } }
const RATE = { decimals: 1, isRate: true, unit: { zh: '%', en: '%' } }

describe('trend formatting', () => {
  it('shows rates as percentages and units after values', () => {
    expect(formatIndicator(RATE, 300 / 365, 'zh-CN')).toBe('82.2%')
    expect(formatIndicator(SPEED, 41.25, 'en')).toBe('41.3 km/h')
    expect(formatIndicator({ ...SPEED, decimals: 0, unit: { zh: '', en: '' } }, 87, 'zh-CN')).toBe(
      '87',
    )
    expect(formatIndicator(RATE, null, 'zh-CN')).toBe('—')
    expect(formatTarget(SPEED, { comparator: '>', value: 40 }, 'zh-CN')).toEqual({
      comparator: '>',
      value: '40 km/h',
    })
    expect(formatTarget(RATE, { comparator: '>=', value: 0.9 }, 'zh-CN').comparator).toBe('≥')
  })
})

describe('trend chart option', () => {
  it('keeps the target inside the y-range even when the line is far from it', () => {
    const below = trendBounds([20, 25, 22], 40, false)
    expect(below.min).toBeLessThanOrEqual(20)
    expect(below.max).toBeGreaterThan(40)
    const above = trendBounds([95, 97, null], 82.2, true)
    expect(above.min).toBeLessThan(82.2)
    expect(above.max).toBe(100)
    expect(trendBounds([0, 0], 0, false).min).toBe(0)
  })

  it('draws the line with gaps and the target as a dashed, labelled mark line', () => {
    const option = trendOption(
      {
        labels: ['11-20', '11-21', '11-22'],
        values: [38.5, null, 42],
        target: 40,
        targetLabel: '目标 > 40 km/h',
        seriesName: '实际值',
        format: (v) => `${v} km/h`,
        isRate: false,
      },
      { color: THEME_TOKENS.desk.color, fontFamily: 'Noto Sans SC', fontSize: 13 },
    )
    const series = Array.isArray(option.series) ? option.series[0] : option.series
    expect(series?.type).toBe('line')
    expect(series && 'data' in series ? series.data : null).toEqual([38.5, null, 42])
    const markLine = series && 'markLine' in series ? series.markLine : undefined
    expect(markLine?.lineStyle?.type).toBe('dashed')
    expect(markLine?.data).toEqual([{ yAxis: 40, name: '目标 > 40 km/h' }])
    expect(markLine?.label?.formatter).toBe('目标 > 40 km/h')
    expect(markLine?.lineStyle?.color).toBe(THEME_TOKENS.desk.color.warn)
  })
})
