import { DomainError } from '../errors'

// GB 3096-2008 声环境功能区 classes; 4a = both sides of trunk roads, 4b = both sides of railways.
export const NOISE_ZONES = ['0', '1', '2', '3', '4a', '4b'] as const
export type NoiseZone = (typeof NOISE_ZONES)[number]

export const NOISE_PERIODS = ['day', 'night'] as const
export type NoisePeriod = (typeof NOISE_PERIODS)[number]

// GB 3096-2008 Table 1, Leq in dB(A) [C: three code sources, DOMAIN.md §2.7; 4a/4b night U].
export const NOISE_LIMITS_DBA = {
  '0': { day: 50, night: 40 },
  '1': { day: 55, night: 45 },
  '2': { day: 60, night: 50 },
  '3': { day: 65, night: 55 },
  '4a': { day: 70, night: 55 },
  '4b': { day: 70, night: 60 },
} as const satisfies Record<NoiseZone, Record<NoisePeriod, number>>

// GB 3096-2008 §3: 昼间 06:00–22:00, 夜间 22:00–06:00 (local time).
export const NOISE_DAY_START_HOUR = 6
export const NOISE_NIGHT_START_HOUR = 22

/** Period for a local hour of day 0–23 (the caller converts to Beijing time). */
export function noisePeriodForHour(hour: number): NoisePeriod {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new DomainError('VALIDATION', `Hour must be an integer 0–23, got ${hour}`)
  }
  return hour >= NOISE_DAY_START_HOUR && hour < NOISE_NIGHT_START_HOUR ? 'day' : 'night'
}

export interface NoiseExceedance {
  zone: NoiseZone
  period: NoisePeriod
  leqDbA: number
  limitDbA: number
  /** dB above the limit, rounded to 0.1 dB; 0 when within the limit. */
  exceedanceDb: number
  isExceeded: boolean
}

/** Compares an equivalent sound level with its zone limit (exceeded only when strictly above). */
export function noiseExceedance(
  leqDbA: number,
  zone: NoiseZone,
  period: NoisePeriod,
): NoiseExceedance {
  if (!Number.isFinite(leqDbA) || leqDbA < 0 || leqDbA > 200) {
    throw new DomainError('VALIDATION', `Leq must be within 0–200 dB(A), got ${leqDbA}`)
  }
  if (!NOISE_ZONES.includes(zone) || !NOISE_PERIODS.includes(period)) {
    throw new DomainError('VALIDATION', `Unknown noise zone ${zone} or period ${period}`)
  }
  const limitDbA = NOISE_LIMITS_DBA[zone][period]
  const over = Math.round((leqDbA - limitDbA) * 10) / 10
  return {
    zone,
    period,
    leqDbA,
    limitDbA,
    exceedanceDb: Math.max(0, over),
    isExceeded: leqDbA > limitDbA,
  }
}
