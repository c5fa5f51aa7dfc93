import { aqiStandardAt, computeAqi, type AqiConcentrations } from '@cityops/domain'

// Batches of hourly air readings with distinct (station, hour) keys: reading g of the run is
// for station g mod S at hour ⌊g / S⌋ after T0, so nothing is ever a duplicate.
const T0 = Date.parse('2024-01-01T00:00:00Z')
const HOUR_MS = 3_600_000

export interface BenchReading {
  stationCode: string
  observedAt: string
  concentrations: AqiConcentrations
}

export function readingBatch(stations: readonly string[], batch: number, size: number) {
  return Array.from({ length: size }, (_, j): BenchReading => {
    const g = batch * size + j
    return {
      stationCode: stations[g % stations.length] ?? '',
      observedAt: new Date(T0 + Math.floor(g / stations.length) * HOUR_MS).toISOString(),
      concentrations: {
        pm25: 20 + ((g * 37) % 180),
        pm10: 40 + ((g * 53) % 250),
        no2: 10 + (g % 90),
      },
    }
  })
}

/** The rows ingestion stores for these readings (AQI computed here, outside any timing). */
export function rawRows(readings: readonly BenchReading[], source: string) {
  return readings.map((r) => {
    const aqi = computeAqi(r.concentrations, {
      standard: aqiStandardAt(r.observedAt),
      report: 'hourly',
    })
    return {
      source,
      stationCode: r.stationCode,
      observedAt: new Date(r.observedAt),
      concentrations: r.concentrations,
      aqi: aqi.aqi,
      aqiStandard: aqi.standard,
    }
  })
}
