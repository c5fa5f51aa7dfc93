import { describe, it, expect } from 'vitest'
import { computeAqi } from './index'
import type { AqiConcentrations, AqiPollutant, AqiStandardId } from './index'

// DOMAIN.md §2.4 test vectors V1–V5 (daily report), for both standards.
const INPUT: Record<string, AqiConcentrations> = {
  V1: { pm25: 30, pm10: 110, so2: 12, no2: 36, co: 0.9, o3_1h: 130, o3_8h: 120 },
  V2: { pm25: 130, pm10: 180, so2: 20, no2: 60, co: 1.6, o3_1h: 90, o3_8h: 60 },
  V3: { pm25: 40, pm10: 70, so2: 8, no2: 30, co: 0.6, o3_1h: 240, o3_8h: 200 },
  V4: { pm25: 75, pm10: 60, so2: 8, no2: 30, co: 0.6, o3_1h: 100, o3_8h: 80 },
  V5: { pm25: 20, pm10: 40, so2: 6, no2: 20, co: 0.4, o3_1h: 60, o3_8h: 50 },
}

// IAQI columns as in the table: PM2.5 / PM10 / SO₂ / NO₂ / CO / O₃1h / O₃8h (after ceil).
const IAQI_2012: Record<string, number[]> = {
  V1: [43, 80, 12, 45, 23, 41, 67],
  V2: [172, 115, 20, 75, 40, 29, 30],
  V3: [57, 60, 8, 38, 15, 120, 137],
  V4: [100, 55, 8, 38, 15, 32, 40],
  V5: [29, 40, 6, 25, 10, 19, 25],
}
// 2026 changes only PM2.5 and PM10 (24-hour rows).
const PM_2026: Record<string, [number, number]> = {
  V1: [43, 93],
  V2: [172, 124],
  V3: [60, 65],
  V4: [114, 58],
  V5: [29, 40],
}

// [id, standard, aqi, level, category, colour, primary, exceeding] as in the DOMAIN.md table.
// V3's "exceeding O₃": both O₃ indicators have IAQI > 100 (1h 120, 8h 137), so both keys appear.
type Row = [string, AqiStandardId, number, number, string, string, AqiPollutant[], AqiPollutant[]]
const EXPECTED: Row[] = [
  ['V1', 'HJ633-2012', 80, 2, '良', '#FFFF00', ['pm10'], []],
  ['V2', 'HJ633-2012', 172, 4, '中度污染', '#FF0000', ['pm25'], ['pm25', 'pm10']],
  ['V3', 'HJ633-2012', 137, 3, '轻度污染', '#FF7E00', ['o3_8h'], ['o3_1h', 'o3_8h']],
  ['V4', 'HJ633-2012', 100, 2, '良', '#FFFF00', ['pm25'], []],
  ['V5', 'HJ633-2012', 40, 1, '优', '#00E400', [], []],
  ['V1', 'HJ633-2026', 93, 2, '良', '#FFFF00', ['pm10'], []],
  ['V2', 'HJ633-2026', 172, 4, '中度污染', '#FF0000', ['pm25'], ['pm25', 'pm10']],
  ['V3', 'HJ633-2026', 137, 3, '轻度污染', '#FF7E00', ['o3_8h'], ['o3_1h', 'o3_8h']],
  ['V4', 'HJ633-2026', 114, 3, '轻度污染', '#FF7E00', ['pm25'], ['pm25']],
  ['V5', 'HJ633-2026', 40, 1, '优', '#00E400', [], []],
]

function input(id: string): AqiConcentrations {
  const value = INPUT[id]
  if (!value) throw new Error(`no vector ${id}`)
  return value
}

describe('computeAqi: DOMAIN.md vectors (daily report)', () => {
  it.each(EXPECTED)(
    '%s %s → AQI %d, level %d %s %s',
    (id, standard, aqi, level, category, color, primary, exceeding) => {
      expect(computeAqi(input(id), { standard, report: 'daily' })).toMatchObject({
        aqi,
        level,
        category,
        color,
        primaryPollutants: primary,
        exceedingPollutants: exceeding,
        standard,
        notes: [],
      })
    },
  )

  it.each(Object.keys(INPUT))(
    '%s IAQI per pollutant matches the table for both standards',
    (id) => {
      const [pm25 = 0, pm10 = 0, so2, no2, co, o3_1h, o3_8h] = IAQI_2012[id] ?? []
      const common = { so2, no2, co, o3_1h, o3_8h }
      expect(computeAqi(input(id), { standard: 'HJ633-2012', report: 'daily' }).iaqi).toEqual({
        pm25,
        pm10,
        ...common,
      })
      const [pm25New, pm10New] = PM_2026[id] ?? []
      expect(computeAqi(input(id), { standard: 'HJ633-2026', report: 'daily' }).iaqi).toEqual({
        pm25: pm25New,
        pm10: pm10New,
        ...common,
      })
    },
  )
})
