import type { LiveEvent } from '@cityops/domain'

/** Epoch milliseconds with sub-millisecond resolution, comparable between local processes. */
export const nowMs = () => performance.timeOrigin + performance.now()

export const PROBE_TYPE = 'benchProbe.emitted'
/** Extra noise stations seeded for the PGlite fan-out writer (one per reading in flight). */
export const BENCH_STATIONS = 200
export const benchStationCode = (i: number) => `BENCH${String(i).padStart(4, '0')}`

/** What the PostgreSQL writer appends and the raw server emits: an incident-topic probe. */
export const probeData = (sentAt: number) => ({ sentAt })

export function probeEvent(seq: number, sentAt: number): LiveEvent {
  return {
    seq,
    topic: 'incidents',
    type: PROBE_TYPE,
    id: `probe-${seq}`,
    version: 1,
    at: new Date(sentAt).toISOString(),
    data: probeData(sentAt),
  }
}

/** The shape ingest produces for a noise reading; `observedAt` carries the send time. */
export function envReadingEvent(seq: number, stationCode: string, sentAt: number): LiveEvent {
  const observedAt = new Date(Math.floor(sentAt)).toISOString()
  return {
    seq,
    topic: 'environment',
    type: 'envReading.recorded',
    id: stationCode,
    version: seq,
    at: observedAt,
    data: {
      stationCode,
      observedAt,
      aqi: null,
      aqiStandard: null,
      concentrations: null,
      noiseLeq: 55,
      waterLevelM: null,
    },
  }
}

/** The write time a received event carries (probe `sentAt`, or a reading's `observedAt`). */
export function sentAtOf(event: LiveEvent): number {
  const data = event.data
  if (typeof data === 'object' && data !== null) {
    if ('sentAt' in data && typeof data.sentAt === 'number') return data.sentAt
    if ('observedAt' in data && typeof data.observedAt === 'string')
      return Date.parse(data.observedAt)
  }
  return Number.NaN
}
