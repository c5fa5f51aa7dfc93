import {
  aqiStandardAt,
  arterialAverageSpeed,
  cityMeanConcentrations,
  computeAqi,
  INCIDENT_GRADES,
  INCIDENT_SOURCES,
  networkTrafficIndex,
  ROAD_CLASSES,
  type AqiConcentrations,
  type AqiPollutant,
  type IncidentGrade,
  type IncidentSource,
  type RoadClass,
  type SegmentSpeedSample,
} from '@cityops/domain'
import type { LiveFeature } from '../../live/live-feature'

export interface LiveKpis {
  incidentsByGrade: Record<IncidentGrade, number>
  activeIncidents: number
  /** GB/T 33171-style network index 0–10 over links with a reading; null without readings. */
  trafficIndex: number | null
  arterialSpeedKmh: number | null
  /** Hourly AQI of the city (mean concentrations of the national stations), HJ 633-2012. */
  cityAqi: number | null
  primaryPollutants: AqiPollutant[]
  openCases: number
  overdueCases: number
  /** Calls (incidents by source line) reported in the last hour, among the open incidents. */
  callsLastHour: Record<IncidentSource, number>
}

const RAD = Math.PI / 180
/** Length of a LineString in metres (haversine; plenty for a city's links). */
export function lineLengthM(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0
  let total = 0
  for (let i = 1; i < coordinates.length; i++) {
    const [x1, y1] = coordinates[i - 1] as [number, number]
    const [x2, y2] = coordinates[i] as [number, number]
    const dLat = (y2 - y1) * RAD
    const dLng = (x2 - x1) * RAD
    const a =
      Math.sin(dLat / 2) ** 2 + Math.cos(y1 * RAD) * Math.cos(y2 * RAD) * Math.sin(dLng / 2) ** 2
    total += 2 * 6_371_000 * Math.asin(Math.sqrt(a))
  }
  return total
}

const lengthCache = new WeakMap<object, number>()
function lengthOf(f: LiveFeature): number {
  const cached = lengthCache.get(f.geometry)
  if (cached !== undefined) return cached
  const length = lineLengthM(f.geometry.coordinates)
  lengthCache.set(f.geometry, length)
  return length
}

const isRoadClass = (v: unknown): v is RoadClass =>
  typeof v === 'string' && (ROAD_CLASSES as readonly string[]).includes(v)

/** The KPI strip's live figures, recomputed from the layers the wall already holds. */
export function computeLiveKpis(
  layers: {
    incidents: Iterable<LiveFeature>
    traffic: Iterable<LiveFeature>
    environment: Iterable<LiveFeature>
    cases: Iterable<LiveFeature>
  },
  now: number,
): LiveKpis {
  const incidentsByGrade = Object.fromEntries(INCIDENT_GRADES.map((g) => [g, 0])) as Record<
    IncidentGrade,
    number
  >
  const callsLastHour = Object.fromEntries(INCIDENT_SOURCES.map((s) => [s, 0])) as Record<
    IncidentSource,
    number
  >
  let activeIncidents = 0
  for (const f of layers.incidents) {
    activeIncidents += 1
    const grade = f.properties.grade as IncidentGrade
    if (grade in incidentsByGrade) incidentsByGrade[grade] += 1
    const reported = Date.parse(String(f.properties.reportedAt))
    const source = f.properties.source as IncidentSource
    if (now - reported <= 3_600_000 && source in callsLastHour) callsLastHour[source] += 1
  }

  const samples: SegmentSpeedSample[] = []
  for (const f of layers.traffic) {
    const speed = f.properties.speedKmh
    const roadClass = f.properties.roadClass
    if (typeof speed !== 'number' || !isRoadClass(roadClass)) continue
    const lengthM = lengthOf(f)
    if (lengthM > 0) samples.push({ speedKmh: Math.min(speed, 250), lengthM, roadClass })
  }

  const stations: AqiConcentrations[] = []
  let newestAir: string | null = null
  for (const f of layers.environment) {
    if (f.properties.kind !== 'air') continue
    const latest = f.properties.latest as { concentrations?: AqiConcentrations | null } | null
    if (!latest?.concentrations) continue
    stations.push(latest.concentrations)
    const at = f.properties.observedAt
    if (typeof at === 'string' && (newestAir === null || at > newestAir)) newestAir = at
  }
  const city = cityMeanConcentrations(stations)
  let cityAqi: number | null = null
  let primaryPollutants: AqiPollutant[] = []
  if (city && newestAir) {
    try {
      const r = computeAqi(city, { standard: aqiStandardAt(newestAir), report: 'hourly' })
      cityAqi = r.aqi
      primaryPollutants = r.primaryPollutants
    } catch {
      // e.g. only 24-hour values: no hourly AQI to show
    }
  }

  let openCases = 0
  let overdueCases = 0
  for (const f of layers.cases) {
    openCases += 1
    const deadline = Date.parse(String(f.properties.deadline))
    if (Number.isFinite(deadline) && deadline < now) overdueCases += 1
  }

  return {
    incidentsByGrade,
    activeIncidents,
    trafficIndex: samples.length ? networkTrafficIndex(samples) : null,
    arterialSpeedKmh: samples.length ? arterialAverageSpeed(samples) : null,
    cityAqi,
    primaryPollutants,
    openCases,
    overdueCases,
    callsLastHour,
  }
}
