import type { LngLat } from '@cityops/domain'
import type { Rng } from './rng'

export interface AirStationProfile {
  code: string
  name: string
  /** Multipliers on the city-wide level: PM, SO₂ and CO share `primary`. */
  primaryBias: number
  no2Bias: number
  o3Bias: number
}

// The nine national (国控) stations as CNEMC lists them (shared/geo/SOURCES.md). The biases
// are [U]: urban sites near ±10 %; 1324A 岗李水库 is the background/control site by the
// Yellow River, with little traffic, so less NO₂ and more O₃ (no NO titration).
export const ZHENGZHOU_AIR_STATIONS: readonly AirStationProfile[] = [
  { code: '1316A', name: '烟厂', primaryBias: 1.05, no2Bias: 1.05, o3Bias: 0.97 },
  { code: '1317A', name: '郑纺机', primaryBias: 1.02, no2Bias: 1.0, o3Bias: 1.0 },
  { code: '1318A', name: '银行学校', primaryBias: 1.0, no2Bias: 1.08, o3Bias: 0.96 },
  { code: '1319A', name: '供水公司', primaryBias: 1.04, no2Bias: 0.98, o3Bias: 1.0 },
  { code: '1320A', name: '经开区管委', primaryBias: 1.08, no2Bias: 1.02, o3Bias: 1.02 },
  { code: '1321A', name: '四十七中', primaryBias: 0.98, no2Bias: 1.1, o3Bias: 0.95 },
  { code: '1322A', name: '市监测站', primaryBias: 1.0, no2Bias: 1.05, o3Bias: 0.98 },
  { code: '1323A', name: '河医大', primaryBias: 1.0, no2Bias: 1.12, o3Bias: 0.95 },
  { code: '1324A', name: '岗李水库', primaryBias: 0.85, no2Bias: 0.55, o3Bias: 1.12 },
]

export interface MicroStation {
  profile: AirStationProfile
  location: LngLat
}

/**
 * Extra low-cost "micro stations" (微站) spread by the caller's sampler. Each reads the city
 * level with a small fixed bias (sd ~8 %), as cheap sensors calibrated against 国控 do [U].
 */
export function createMicroStations(
  count: number,
  rng: Rng,
  samplePoint: (rng: Rng) => LngLat,
): MicroStation[] {
  return Array.from({ length: count }, (_, i) => {
    const r = rng.fork(`micro:${i}`)
    const code = `MS${String(i + 1).padStart(4, '0')}`
    return {
      profile: {
        code,
        name: `微站${String(i + 1).padStart(3, '0')}`,
        primaryBias: Math.exp(r.normal(0, 0.08)),
        no2Bias: Math.exp(r.normal(0, 0.1)),
        o3Bias: Math.exp(r.normal(0, 0.06)),
      },
      location: samplePoint(r.fork('location')),
    }
  })
}
