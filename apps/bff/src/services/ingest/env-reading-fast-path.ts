import { IsoDateTime, type AqiConcentrations, type EnvReading } from '@cityops/domain'

// Zod costs a few µs per reading, a visible share of a 1,000-reading batch. This accepts the
// common, plainly valid reading without it; anything else (every error) goes to the EnvReading
// schema, so the accepted set and the messages stay the schema's. Keep in step with it.
const STATION_CODE = /^[A-Za-z0-9_-]{1,32}$/
const CONCENTRATION_KEYS: ReadonlySet<string> = new Set<keyof AqiConcentrations>([
  'pm25',
  'pm10',
  'so2',
  'no2',
  'co',
  'o3_1h',
  'o3_8h',
  'so2_24h',
])

const isNumberIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
const isConcentrationKey = (k: string): k is keyof AqiConcentrations => CONCENTRATION_KEYS.has(k)
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A checker for one batch: timestamps repeat across a batch's stations, so each distinct one
 * is checked once (by the schema's own IsoDateTime).
 */
export function envReadingFastPath(): (raw: unknown) => EnvReading | null {
  const timestamps = new Map<string, boolean>()
  const isTimestamp = (s: string) => {
    let ok = timestamps.get(s)
    if (ok === undefined) timestamps.set(s, (ok = IsoDateTime.safeParse(s).success))
    return ok
  }
  return (raw) => {
    if (!isRecord(raw)) return null
    const { stationCode, observedAt, concentrations, noiseLeqDbA, waterLevelM } = raw
    if (typeof stationCode !== 'string' || !STATION_CODE.test(stationCode)) return null
    if (typeof observedAt !== 'string' || !isTimestamp(observedAt)) return null
    if (noiseLeqDbA !== undefined && !isNumberIn(noiseLeqDbA, 0, 200)) return null
    if (waterLevelM !== undefined && !isNumberIn(waterLevelM, -100, 10_000)) return null
    let measured = noiseLeqDbA !== undefined || waterLevelM !== undefined
    // the schema's output: known keys only (unknown ones are stripped), absent ones absent
    const reading: EnvReading = { stationCode, observedAt }
    if (concentrations !== undefined) {
      if (!isRecord(concentrations)) return null
      const c: AqiConcentrations = {}
      for (const [key, value] of Object.entries(concentrations)) {
        if (!isConcentrationKey(key) || !isNumberIn(value, 0, 100_000)) return null
        c[key] = value
        measured = true
      }
      reading.concentrations = c
    }
    if (!measured) return null
    if (noiseLeqDbA !== undefined) reading.noiseLeqDbA = noiseLeqDbA
    if (waterLevelM !== undefined) reading.waterLevelM = waterLevelM
    return reading
  }
}
