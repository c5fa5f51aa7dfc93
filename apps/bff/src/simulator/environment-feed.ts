import type { EnvReading } from '@cityops/domain'
import {
  createAirModel,
  HOUR_MS,
  hourIndex,
  initialAirState,
  noiseLeq,
  waterLevel,
  ZHENGZHOU_AIR_STATIONS,
  type AirStationProfile,
  type AirStationState,
  type Rng,
} from './models'
import { SIMULATED_GAUGES, SIMULATED_NOISE_POINTS } from './monitoring-stations'

// Air noise is AR(1) with φ = 0.85/h: after 48 hours a start leaves < 0.1 % behind, so a
// feed that starts cold replays the hours it warms up through as a long-running one would.
const WARM_UP_HOURS = 48

export interface EnvironmentFeed {
  /** One reading per known station for the hour starting at `hour`. */
  readingsAt(hour: Date): EnvReading[]
}

/** `stationCodes`: the stations in the database; models without a row are not fed. */
export function createEnvironmentFeed(
  stations: readonly { code: string; kind: string }[],
  rng: Rng,
): EnvironmentFeed {
  const weatherRng = rng.fork('weather')
  const air = createAirModel(weatherRng)
  const noiseRng = rng.fork('noise')
  const has = new Set(stations.map((s) => s.code))
  const states = new Map<string, AirStationState>(
    stations
      .filter((s) => s.kind === 'air')
      .map((s) => [s.code, initialAirState(profileOf(s.code))]),
  )
  const noisePoints = SIMULATED_NOISE_POINTS.filter((p) => has.has(p.code))
  const gauges = SIMULATED_GAUGES.filter((g) => has.has(g.code))

  const stepAir = (code: string, at: Date) => {
    let state = states.get(code)
    if (state === undefined) return null
    const stationRng = rng.fork(`air:${code}`)
    const gapH = Math.round((at.getTime() - (state.lastAt ?? Number.NaN)) / HOUR_MS)
    // Catch up hour by hour, or warm up from cold (first use, a jump, going back in time),
    // so the AR(1) state is what a feed running all along would have.
    const isWarm = gapH >= 1 && gapH <= WARM_UP_HOURS
    if (!isWarm) state = initialAirState(state.station)
    for (let h = isWarm ? gapH - 1 : WARM_UP_HOURS; h >= 1; h--) {
      const t = new Date(at.getTime() - h * HOUR_MS)
      state = air.step(state, t, stationRng.fork(hourIndex(t))).state
    }
    const step = air.step(state, at, stationRng.fork(hourIndex(at)))
    states.set(code, step.state)
    return step.reading
  }

  return {
    readingsAt(hour) {
      const observedAt = hour.toISOString()
      const readings: EnvReading[] = []
      for (const code of states.keys()) {
        const concentrations = stepAir(code, hour)
        if (concentrations) readings.push({ stationCode: code, observedAt, concentrations })
      }
      for (const point of noisePoints) {
        const { leqDbA } = noiseLeq(point, hour, noiseRng)
        readings.push({ stationCode: point.code, observedAt, noiseLeqDbA: leqDbA })
      }
      for (const gauge of gauges) {
        const { levelM } = waterLevel(gauge, hour, weatherRng)
        readings.push({ stationCode: gauge.code, observedAt, waterLevelM: levelM })
      }
      return readings
    },
  }
}

// A station an administrator added reads the plain city level.
function profileOf(code: string): AirStationProfile {
  return (
    ZHENGZHOU_AIR_STATIONS.find((s) => s.code === code) ?? {
      code,
      name: code,
      primaryBias: 1,
      no2Bias: 1,
      o3Bias: 1,
    }
  )
}
