import { expectedLevels } from './air-curves'
import type { AirStationProfile } from './air-stations'
import { HOUR_MS, dayOfYear, localHourOfDay } from './local-time'
import type { Rng } from './rng'
import { cityWeather } from './weather-model'
import type { CityWeather } from './weather-model'

/** Hourly concentrations in the domain's AQI keys: µg/m³, CO in mg/m³. */
export interface AirReading {
  pm25: number
  pm10: number
  so2: number
  no2: number
  co: number
  o3_1h: number
  o3_8h: number
}

const NOISE_KEYS = ['pm', 'ratio', 'so2', 'no2', 'co', 'o3'] as const
type NoiseKey = (typeof NOISE_KEYS)[number]

// Station-local wobble around the city level, in log units: stationary sd and the hour-to-hour
// autocorrelation (0.85 → a deviation fades over ~6 hours) [U].
const NOISE_SD: Record<NoiseKey, number> = {
  pm: 0.2,
  ratio: 0.06,
  so2: 0.25,
  no2: 0.2,
  co: 0.15,
  o3: 0.12,
}
const HOURLY_PHI = 0.85
const O3_WINDOW_MS = 8 * HOUR_MS

export interface AirStationState {
  station: AirStationProfile
  noise: Record<NoiseKey, number>
  /** Hourly O₃ of the last 8 hours, for the 8-hour moving mean. */
  o3Recent: readonly { t: number; value: number }[]
  lastAt: number | null
}

export interface AirStep {
  state: AirStationState
  reading: AirReading
  weather: CityWeather
}

export function initialAirState(station: AirStationProfile): AirStationState {
  const noise = { pm: 0, ratio: 0, so2: 0, no2: 0, co: 0, o3: 0 }
  return { station, noise, o3Recent: [], lastAt: null }
}

export interface AirModel {
  weather(at: Date): CityWeather
  /** One reading at `at` (normally on the hour); `rng` is this station's own stream. */
  step(state: AirStationState, at: Date, rng: Rng): AirStep
}

/** `weatherRng` seeds the city-wide weather that every station shares. */
export function createAirModel(weatherRng: Rng): AirModel {
  // Stations are stepped together hour by hour; remember the last hour's weather.
  let cached: { t: number; weather: CityWeather } | null = null
  const weather = (at: Date): CityWeather => {
    if (cached?.t !== at.getTime())
      cached = { t: at.getTime(), weather: cityWeather(weatherRng, at) }
    return cached.weather
  }
  return { weather, step: (state, at, rng) => stepAir(state, at, rng, weather(at)) }
}

function stepAir(state: AirStationState, at: Date, rng: Rng, weather: CityWeather): AirStep {
  const noise = advanceNoise(state, at, rng)
  const level = expectedLevels(dayOfYear(at), localHourOfDay(at), weather, state.station)
  const pm25 = level.pm25 * Math.exp(noise.pm)
  const ratio = Math.min(2.2, Math.max(1.5, level.pm10ratio * Math.exp(noise.ratio)))
  const o3 = Math.round(level.o3 * Math.exp(noise.o3))
  const o3Recent = [
    ...state.o3Recent.filter((e) => e.t > at.getTime() - O3_WINDOW_MS),
    { t: at.getTime(), value: o3 },
  ]
  const reading: AirReading = {
    pm25: Math.round(pm25),
    pm10: Math.round(pm25 * ratio),
    so2: Math.round(level.so2 * Math.exp(noise.so2)),
    no2: Math.round(level.no2 * Math.exp(noise.no2)),
    co: Math.round(level.co * Math.exp(noise.co) * 10) / 10,
    o3_1h: o3,
    o3_8h: Math.round(o3Recent.reduce((sum, e) => sum + e.value, 0) / o3Recent.length),
  }
  return { state: { ...state, noise, o3Recent, lastAt: at.getTime() }, reading, weather }
}

// AR(1) per pollutant; a gap of g hours decays by φ^g, and the first step starts stationary.
function advanceNoise(state: AirStationState, at: Date, rng: Rng): Record<NoiseKey, number> {
  const gapH =
    state.lastAt === null ? Number.POSITIVE_INFINITY : (at.getTime() - state.lastAt) / HOUR_MS
  const keep = gapH > 0 ? HOURLY_PHI ** gapH : 1
  const fresh = Math.sqrt(1 - keep * keep)
  const next = { ...state.noise }
  for (const key of NOISE_KEYS) {
    next[key] = keep * state.noise[key] + fresh * rng.normal(0, NOISE_SD[key])
  }
  return next
}
