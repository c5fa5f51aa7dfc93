import { bump, seasonal } from './local-time'
import type { AirStationProfile } from './air-stations'
import type { CityWeather } from './weather-model'

export interface AirLevels {
  pm25: number
  pm10ratio: number
  so2: number
  no2: number
  co: number
  o3: number
}

// [U] Seasonal means shaped on Zhengzhou's recent bulletins (annual PM2.5 ~45 µg/m³, winter
// roughly three times summer; NO₂ ~30; SO₂ single digits; CO ~0.5–1.2 mg/m³; O₃ 8-h 90th
// percentile ~180 µg/m³). Peaks: 15 = mid-January (heating, inversions); 180 = late June.
const WINTER_PEAK_DAY = 15
const OZONE_PEAK_DAY = 180
const DUST_PEAK_DAY = 100 // April: dust and wind raise the PM10/PM2.5 ratio

/** Expected hourly levels before station noise, at local `day` of year and fractional `hour`. */
export function expectedLevels(
  day: number,
  hour: number,
  w: CityWeather,
  station: AirStationProfile,
): AirLevels {
  const winter = seasonal(day, WINTER_PEAK_DAY)
  const winterness = (winter + 1) / 2
  const stag = w.stagnation
  const washout = w.rainMmPerHour > 0 ? 0.7 : 1
  // Night-time boundary layer traps PM; afternoon mixing dilutes it.
  const pmDiurnal = 1 + 0.18 * Math.cos((2 * Math.PI * (hour - 23)) / 24)
  const pm25 = 40 * Math.exp(0.65 * winter + (0.6 + 0.5 * winterness) * stag) * pmDiurnal * washout
  const pm10ratio =
    1.7 + 0.35 * bump(day, DUST_PEAK_DAY, 30) - 0.15 * Math.min(1, Math.max(0, stag))
  const rush = bump(hour, 8, 1.2)
  const evening = bump(hour, 20, 2)
  const no2 =
    32 *
    Math.exp(0.25 * winter + 0.4 * stag) *
    (0.9 + 0.3 * rush + 0.35 * evening - 0.3 * bump(hour, 14, 2.5)) *
    station.no2Bias
  const so2 = 8 * Math.exp(0.4 * winter + 0.3 * stag) * (1 + 0.2 * bump(hour, 11, 3))
  const co = 0.75 * Math.exp(0.3 * winter + 0.5 * stag) * (0.9 + 0.15 * rush + 0.2 * evening)
  return {
    pm25: pm25 * station.primaryBias,
    pm10ratio,
    so2: so2 * station.primaryBias,
    no2,
    co: co * station.primaryBias,
    o3: ozone(day, hour, w, no2) * station.o3Bias,
  }
}

// O₃ = regional background + afternoon photochemistry − titration by fresh NO (tracked by NO₂).
function ozone(day: number, hour: number, w: CityWeather, no2: number): number {
  const background = (50 + 15 * seasonal(day, 120)) * (0.7 + 0.3 * bump(hour, 15, 5))
  const photochemistry =
    245 *
    (0.1 + 0.9 * bump(day, OZONE_PEAK_DAY, 65)) *
    w.sunshine *
    bump(hour, 15, 2.8) *
    Math.exp(0.25 * w.stagnation)
  const titration = 0.25 * no2 * (1 - bump(hour, 15, 3))
  return Math.max(2, background + photochemistry - titration)
}
