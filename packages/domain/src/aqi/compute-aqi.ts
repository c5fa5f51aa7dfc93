import { z } from 'zod'
import { DomainError, parseOrThrow } from '../errors'
import { AQI_BREAKPOINTS, AQI_STANDARD_IDS } from './breakpoints'
import type { AqiStandardId, BreakpointIndicator } from './breakpoints'
import { AQI_POLLUTANTS, AQI_REPORTS, AqiConcentrations } from './concentrations'
import type { AqiPollutant, AqiReport } from './concentrations'
import { computeIaqi } from './iaqi'
import { aqiLevelInfo } from './levels'
import type { AqiCategory, AqiLevel } from './levels'

// Which Table 1 column each key uses. Footnote 1: the 1-hour SO₂/NO₂/CO columns serve only
// the real-time report. PM has no 1-hour column: the hourly report runs the 24-hour table on
// whatever mean it is given (HJ 633-2012 practice; the 2026 text reportedly feeds hourly means).
const INDICATOR_FOR = {
  daily: {
    pm25: 'pm25_24h',
    pm10: 'pm10_24h',
    so2: 'so2_24h',
    no2: 'no2_24h',
    co: 'co_24h',
    o3_1h: 'o3_1h',
    o3_8h: 'o3_8h',
  },
  hourly: {
    pm25: 'pm25_24h',
    pm10: 'pm10_24h',
    so2: 'so2_1h',
    no2: 'no2_1h',
    co: 'co_1h',
    o3_1h: 'o3_1h',
    o3_8h: 'o3_8h',
  },
} as const satisfies Record<AqiReport, Record<AqiPollutant, BreakpointIndicator>>

export const AQI_NOTE_CODES = [
  'cappedAt500', // above the top breakpoint ("爆表")
  'so2FromDailyMean', // SO₂ 1h > 800: IAQI taken from so2_24h (footnote 2)
  'so2CappedAt200', // SO₂ 1h > 800 and no so2_24h: our decision, a lower bound
  'o3EightHourDropped', // O₃ 8h > 800: no 8h IAQI, O₃ reported from o3_1h (footnote 3)
  'o3EightHourCappedAt300', // O₃ 8h > 800 and no o3_1h: our decision, a lower bound
] as const
export type AqiNote = { code: (typeof AQI_NOTE_CODES)[number]; pollutant: AqiPollutant }

export const AqiOptions = z.object({
  standard: z.enum(AQI_STANDARD_IDS),
  report: z.enum(AQI_REPORTS),
})
export type AqiOptions = z.infer<typeof AqiOptions>

export interface AqiResult {
  aqi: number
  level: AqiLevel
  category: AqiCategory
  categoryEn: string
  color: string
  primaryPollutants: AqiPollutant[]
  exceedingPollutants: AqiPollutant[]
  iaqi: Partial<Record<AqiPollutant, number>>
  standard: AqiStandardId
  report: AqiReport
  notes: AqiNote[]
}

/** AQI per HJ 633 (versioned): IAQI per pollutant, AQI = max, level, primary and exceeding. */
export function computeAqi(concentrations: AqiConcentrations, options: AqiOptions): AqiResult {
  const { standard, report } = parseOrThrow(AqiOptions, options, 'AQI options')
  const c = parseOrThrow(AqiConcentrations, concentrations, 'concentrations')
  if (!AQI_POLLUTANTS.some((p) => c[p] !== undefined)) {
    throw new DomainError('VALIDATION', 'At least one AQI pollutant concentration is required')
  }
  if (report === 'daily' && c.so2_24h !== undefined) {
    throw new DomainError('VALIDATION', 'so2_24h is only for the hourly report; use so2 for daily')
  }
  const { iaqi, notes } = computeIaqis(c, standard, report)
  const entries = AQI_POLLUTANTS.flatMap((p) => {
    const value = iaqi[p]
    return value === undefined ? [] : [{ pollutant: p, value }]
  })
  const aqi = Math.max(0, ...entries.map((e) => e.value))
  const info = aqiLevelInfo(aqi)
  return {
    aqi,
    level: info.level,
    category: info.category,
    categoryEn: info.categoryEn,
    color: info.color,
    // 首要污染物 only when AQI > 50; ties name several. 超标污染物: IAQI > 100.
    primaryPollutants:
      aqi > 50 ? entries.filter((e) => e.value === aqi).map((e) => e.pollutant) : [],
    exceedingPollutants: entries.filter((e) => e.value > 100).map((e) => e.pollutant),
    iaqi,
    standard,
    report,
    notes,
  }
}

function computeIaqis(c: AqiConcentrations, standard: AqiStandardId, report: AqiReport) {
  const table = AQI_BREAKPOINTS[standard]
  const iaqi: Partial<Record<AqiPollutant, number>> = {}
  const notes: AqiNote[] = []
  for (const pollutant of AQI_POLLUTANTS) {
    const value = c[pollutant]
    if (value === undefined) continue
    const outcome = computeIaqi(value, table[INDICATOR_FOR[report][pollutant]])
    if (outcome.kind === 'value') {
      iaqi[pollutant] = outcome.iaqi
      if (outcome.isCapped) notes.push({ code: 'cappedAt500', pollutant })
      continue
    }
    // Only the truncated rows (SO₂ 1h, O₃ 8h) get here: apply footnotes 2 and 3.
    if (pollutant === 'so2' && c.so2_24h !== undefined) {
      const daily = computeIaqi(c.so2_24h, table.so2_24h)
      if (daily.kind === 'value') iaqi.so2 = daily.iaqi
      notes.push({ code: 'so2FromDailyMean', pollutant })
      if (daily.kind === 'value' && daily.isCapped) notes.push({ code: 'cappedAt500', pollutant })
    } else if (pollutant === 'o3_8h' && c.o3_1h !== undefined) {
      notes.push({ code: 'o3EightHourDropped', pollutant })
    } else {
      // No fallback value given: report the row's top IAQI as a lower bound (our decision).
      iaqi[pollutant] = outcome.tableTopIaqi
      notes.push({
        code: pollutant === 'so2' ? 'so2CappedAt200' : 'o3EightHourCappedAt300',
        pollutant,
      })
    }
  }
  return { iaqi, notes }
}
