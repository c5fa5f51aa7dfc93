import { aqiStandardAt, computeAqi } from '@cityops/domain'
import { nowMs } from '../fanout/payloads'
import { median } from '../support/table'

// M2: what ingestion pays per reading for its AQI (standard lookup + computeAqi), in µs.
const CALLS = 5000
const RUNS = 5

function run(): number {
  const started = nowMs()
  for (let i = 0; i < CALLS; i++) {
    const observedAt = new Date(Date.UTC(2024, 0, 1, i % 24)).toISOString()
    computeAqi(
      { pm25: 20 + (i % 180), pm10: 40 + (i % 250), no2: 10 + (i % 90) },
      { standard: aqiStandardAt(observedAt), report: 'hourly' },
    )
  }
  return ((nowMs() - started) * 1000) / CALLS
}

export function runComputeAqiMicro(): { usPerReading: number } {
  run() // warm-up
  return { usPerReading: median(Array.from({ length: RUNS }, run)) }
}
