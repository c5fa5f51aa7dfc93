import { DAY_MS, HOUR_MS, dayOfYear, seasonal } from './local-time'
import { valueNoise } from './rng'
import type { Rng } from './rng'
import { rainEventsBetween } from './weather-model'
import type { RainEvent } from './weather-model'

export interface RiverGauge {
  code: string
  name: string
  river: string
  /** Dry-season level above the gauge datum, m. */
  baseLevelM: number
  /** Extra level at the mid-July seasonal high, m. */
  seasonalRiseM: number
  /** Peak rise per mm of effective rain, m. */
  gainMPerMm: number
  /** Hours from the end of the rain to the peak: small urban rivers react fast. */
  lagH: number
  /** e-folding time of the falling limb, h. */
  recessionH: number
  warningLevelM: number
}

// [U] Illustrative gauges on Zhengzhou's urban rivers; levels are metres above each gauge's
// own datum, and warning levels are set so a ~50–70 mm storm reaches them. No official gauge
// list or 警戒水位 table was available; replace with the water bureau's when obtained.
export const ZHENGZHOU_RIVER_GAUGES: readonly RiverGauge[] = [
  g('JLH01', '贾鲁河中牟站', '贾鲁河', 2.4, 0.5, 0.05, 10, 36, 5.5),
  g('JSH01', '金水河金水路站', '金水河', 1.2, 0.2, 0.04, 2, 8, 3.2),
  g('XEH01', '熊耳河紫荆山路站', '熊耳河', 1.0, 0.2, 0.035, 2, 10, 2.8),
  g('DFQ01', '东风渠中州大道站', '东风渠', 2.0, 0.3, 0.03, 4, 20, 3.8),
  g('QLH01', '七里河航海东路站', '七里河', 1.5, 0.3, 0.04, 4, 18, 3.6),
  g('SXH01', '索须河惠济站', '索须河', 1.8, 0.3, 0.04, 6, 24, 4.0),
]

function g(
  code: string,
  name: string,
  river: string,
  baseLevelM: number,
  seasonalRiseM: number,
  gainMPerMm: number,
  lagH: number,
  recessionH: number,
  warningLevelM: number,
): RiverGauge {
  return {
    code,
    name,
    river,
    baseLevelM,
    seasonalRiseM,
    gainMPerMm,
    lagH,
    recessionH,
    warningLevelM,
  }
}

export interface WaterReading {
  stationCode: string
  levelM: number
  warningLevelM: number
  isAboveWarning: boolean
  /** The part of the level due to recent rain, m. */
  rainRiseM: number
}

// The first few mm wet the ground and fill drains; only the rest reaches the river [U].
const INITIAL_LOSS_MM = 3
const MEMORY_DAYS = 10

/** Rise at `at` caused by one rain event: smooth rise to the peak, exponential recession. */
export function rainResponseM(gauge: RiverGauge, event: RainEvent, at: Date): number {
  const t = (at.getTime() - event.start.getTime()) / HOUR_MS
  if (t <= 0) return 0
  const peak = gauge.gainMPerMm * Math.max(0, event.totalMm - INITIAL_LOSS_MM)
  const tPeak = event.durationH + gauge.lagH
  if (t < tPeak) return peak * (1 - Math.cos((Math.PI * t) / tPeak)) * 0.5
  return peak * Math.exp(-(t - tPeak) / gauge.recessionH)
}

/** Level from explicit rain events (for tests and what-if scenarios). */
export function levelFromRain(
  gauge: RiverGauge,
  at: Date,
  events: readonly RainEvent[],
): WaterReading {
  const seasonalM = (gauge.seasonalRiseM * (seasonal(dayOfYear(at), 196) + 1)) / 2
  const rainRiseM = events.reduce((sum, e) => sum + rainResponseM(gauge, e, at), 0)
  const levelM = Math.round((gauge.baseLevelM + seasonalM + rainRiseM) * 100) / 100
  return {
    stationCode: gauge.code,
    levelM,
    warningLevelM: gauge.warningLevelM,
    isAboveWarning: levelM >= gauge.warningLevelM,
    rainRiseM: Math.round(rainRiseM * 100) / 100,
  }
}

/** Level from the city's simulated rain; `weatherRng` is the same stream the air model uses. */
export function waterLevel(gauge: RiverGauge, at: Date, weatherRng: Rng): WaterReading {
  const events = rainEventsBetween(weatherRng, new Date(at.getTime() - MEMORY_DAYS * DAY_MS), at)
  const reading = levelFromRain(gauge, at, events)
  // Centimetre-scale wobble (wind, gate operations) so a flat line still looks measured.
  const wobble = 0.01 * valueNoise(weatherRng, `gauge:${gauge.code}`, at.getTime(), HOUR_MS)
  const levelM = Math.round((reading.levelM + wobble) * 100) / 100
  return { ...reading, levelM, isAboveWarning: levelM >= gauge.warningLevelM }
}
