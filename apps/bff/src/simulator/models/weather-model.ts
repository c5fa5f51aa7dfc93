import { DAY_MS, HOUR_MS, localDayIndex, localDayStart, localMonth } from './local-time'
import { valueNoise } from './rng'
import type { Rng } from './rng'

// City-wide weather shared by every station and gauge, derived from (seed, local day) with
// no state, so air, water and incidents all see the same rain and the same smog episodes.

export interface RainEvent {
  start: Date
  durationH: number
  totalMm: number
}

export interface CityWeather {
  rainMmPerHour: number
  /** Days since the last cold front or washing rain; smog builds up while this grows. */
  daysSinceFront: number
  /** Log-multiplier for primary pollutants: about −0.7 just after a front, ~0 on average, up to ~+1. */
  stagnation: number
  /** 0 (overcast or raining) … 1 (clear sky), for ozone photochemistry. */
  sunshine: number
}

// [U] Shaped on Zhengzhou climate normals (~640 mm/yr, ~80 rain days, July wettest):
// chance that a day has a rain event, and the mean event total in mm, by month.
export const RAIN_DAY_PROBABILITY = [
  0.13, 0.17, 0.2, 0.2, 0.23, 0.25, 0.37, 0.35, 0.28, 0.2, 0.15, 0.1,
] as const
export const MEAN_RAIN_EVENT_MM = [2.5, 3, 5, 7, 9, 10, 13, 11, 8, 6, 4, 3] as const
// [U] Dry cold fronts that sweep smog away, per day: more often in the heating season.
const DRY_FRONT_PROBABILITY = [0.14, 0.14, 0.12, 0.1, 0.08, 0.06, 0.06, 0.06, 0.08, 0.1, 0.12, 0.14]
const WASHING_RAIN_MM = 2
const LOOKBACK_DAYS = 15

/** The day's rain event, if any. Summer rain is short convective bursts; winter rain is long. */
export function rainEventOnDay(rng: Rng, dayIndex: number): RainEvent | null {
  const start = localDayStart(dayIndex)
  const month = localMonth(start)
  const r = rng.fork(`rain@${dayIndex}`)
  if (!r.chance(RAIN_DAY_PROBABILITY[month] ?? 0.2)) return null
  const isSummer = month >= 5 && month <= 7
  return {
    start: new Date(start.getTime() + r.uniform(0, 24) * HOUR_MS),
    durationH: isSummer ? r.uniform(1, 5) : r.uniform(3, 10),
    totalMm: Math.round((0.5 + r.exponential(MEAN_RAIN_EVENT_MM[month] ?? 5)) * 10) / 10,
  }
}

/** Rain events overlapping [from, to), oldest first. */
export function rainEventsBetween(rng: Rng, from: Date, to: Date): RainEvent[] {
  const events: RainEvent[] = []
  for (let d = localDayIndex(from) - 1; d <= localDayIndex(to); d++) {
    const e = rainEventOnDay(rng, d)
    if (e === null) continue
    const end = e.start.getTime() + e.durationH * HOUR_MS
    if (end > from.getTime() && e.start < to) events.push(e)
  }
  return events
}

export function cityWeather(rng: Rng, at: Date): CityWeather {
  const today = localDayIndex(at)
  const rainMmPerHour = rainEventsBetween(rng, at, new Date(at.getTime() + 1)).reduce(
    (sum, e) => sum + e.totalMm / e.durationH,
    0,
  )
  const front = lastFront(rng, at)
  const daysSinceFront = (at.getTime() - front.at) / DAY_MS
  // Smog accumulates towards the episode's own ceiling: some episodes stay mild.
  const buildUp = front.intensity * (1 - Math.exp(-daysSinceFront / 2.5))
  const stagnation = buildUp - 0.7 + 0.15 * valueNoise(rng, 'stagnation', at.getTime(), DAY_MS / 2)
  const hasRainToday = rainEventOnDay(rng, today) !== null
  const clearSky = rng.fork(`sun@${today}`).uniform(0.45, 1)
  return {
    rainMmPerHour: Math.round(rainMmPerHour * 10) / 10,
    daysSinceFront,
    stagnation,
    sunshine: hasRainToday ? clearSky * 0.4 : clearSky,
  }
}

function lastFront(rng: Rng, at: Date): { at: number; intensity: number } {
  const today = localDayIndex(at)
  for (let d = today; d > today - LOOKBACK_DAYS; d--) {
    const times = frontTimesOnDay(rng, d).filter((t) => t <= at.getTime())
    const latest = Math.max(...times)
    if (times.length > 0) return { at: latest, intensity: episodeIntensity(rng, d) }
  }
  const d = today - LOOKBACK_DAYS
  return { at: localDayStart(d).getTime(), intensity: episodeIntensity(rng, d) }
}

function frontTimesOnDay(rng: Rng, dayIndex: number): number[] {
  const start = localDayStart(dayIndex)
  const r = rng.fork(`front@${dayIndex}`)
  const times: number[] = []
  if (r.chance(DRY_FRONT_PROBABILITY[localMonth(start)] ?? 0.1)) {
    times.push(start.getTime() + r.uniform(0, 24) * HOUR_MS)
  }
  const rain = rainEventOnDay(rng, dayIndex)
  if (rain !== null && rain.totalMm >= WASHING_RAIN_MM) {
    times.push(rain.start.getTime() + (rain.durationH / 2) * HOUR_MS)
  }
  return times
}

// Log-normal around 1: how high the next episode can climb before a front ends it.
function episodeIntensity(rng: Rng, dayIndex: number): number {
  return Math.exp(rng.fork(`episode@${dayIndex}`).normal(0, 0.35))
}
