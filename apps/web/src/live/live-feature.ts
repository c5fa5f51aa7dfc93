import type { LiveEvent, LiveTopic } from '@cityops/domain'

/** The topics drawn as map layers (alerts go to the alarm bar and the ticker instead). */
export const MAP_TOPICS = ['incidents', 'traffic', 'environment', 'cases', 'units'] as const
export type MapTopic = (typeof MAP_TOPICS)[number]

export const isMapTopic = (topic: LiveTopic): topic is MapTopic =>
  (MAP_TOPICS as readonly LiveTopic[]).includes(topic)

export type Geometry = { type: string; coordinates: unknown }

/**
 * A feature as MapLibre gets it. `properties.id` repeats the feature id so that the sources
 * can use `promoteId: 'id'` (string ids for feature-state and `updateData`).
 */
export interface LiveFeature {
  type: 'Feature'
  id: string
  geometry: Geometry
  properties: Record<string, unknown> & { id: string; version?: number }
}

export type Reduction = { kind: 'upsert'; feature: LiveFeature } | { kind: 'remove' } | null

type Data = Record<string, unknown>

const asData = (data: unknown): Data =>
  data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {}

function pointOf(value: unknown): Geometry | null {
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number')
    return { type: 'Point', coordinates: [value[0], value[1]] }
  const v = asData(value)
  if (v.type === 'Point' && Array.isArray(v.coordinates))
    return { type: 'Point', coordinates: v.coordinates }
  return null
}

const feature = (
  id: string,
  geometry: Geometry,
  properties: Data,
  version: number,
): LiveFeature => ({
  type: 'Feature',
  id,
  geometry,
  properties: { ...properties, id, version },
})

const CLOSED_CASE_STATES = new Set(['CLOSED', 'INVALID', 'NOT_FILED', 'closed', 'invalid'])

// Incidents, cases and units: the event carries the whole entity, its point under `at`.
function wholeEntity(
  event: LiveEvent,
  existing: LiveFeature | undefined,
  data: Data,
  at: string,
  internal: readonly string[],
): Reduction {
  const geometry = pointOf(data[at]) ?? existing?.geometry
  if (!geometry) return null
  const props: Data = { ...existing?.properties }
  for (const [key, value] of Object.entries(data))
    if (key !== at && !internal.includes(key)) props[key] = value
  return { kind: 'upsert', feature: feature(event.id, geometry, props, event.version) }
}

/**
 * What one event does to one feature of a map layer: the whole entity for incidents, cases and
 * units (their events carry it), a property change on a known geometry for traffic links and
 * stations (whose geometry comes from the snapshot). Pure, so the wall's update path is tested
 * without a browser.
 */
export function reduceEvent(
  topic: MapTopic,
  event: LiveEvent,
  existing: LiveFeature | undefined,
): Reduction {
  if (existing?.properties.version !== undefined && event.version <= existing.properties.version)
    return null // the snapshot or an earlier event already holds this or a newer state
  const data = asData(event.data)
  switch (topic) {
    case 'incidents':
      if (data.status === 'closed' || event.type === 'incident.closed') return { kind: 'remove' }
      return wholeEntity(event, existing, data, 'location', ['description'])
    case 'cases': {
      const status = data.status ?? data.state
      if (typeof status === 'string' && CLOSED_CASE_STATES.has(status)) return { kind: 'remove' }
      return wholeEntity(event, existing, data, 'location', ['description'])
    }
    case 'units':
      return wholeEntity(event, existing, data, 'position', ['previousStatus'])
    case 'traffic': {
      if (!existing) return null // an unknown link: the next snapshot brings its geometry
      const { speedKmh, congestionLevel, observedAt } = data
      return {
        kind: 'upsert',
        feature: feature(
          event.id,
          existing.geometry,
          { ...existing.properties, speedKmh, congestionLevel, observedAt },
          event.version,
        ),
      }
    }
    case 'environment': {
      if (!existing) return null
      const { aqi, aqiStandard, concentrations, noiseLeq, waterLevelM, observedAt } = data
      const previous = existing.properties.observedAt
      // readings may arrive out of order (a gateway catching up): keep the newest as latest
      if (typeof previous === 'string' && typeof observedAt === 'string' && observedAt < previous)
        return {
          kind: 'upsert',
          feature: feature(event.id, existing.geometry, existing.properties, event.version),
        }
      return {
        kind: 'upsert',
        feature: feature(
          event.id,
          existing.geometry,
          {
            ...existing.properties,
            latest: { aqi, aqiStandard, concentrations, noiseLeq, waterLevelM },
            observedAt,
          },
          event.version,
        ),
      }
    }
  }
}

/** The time the data in an event describes (a reading's observation time, else the event's). */
export function dataTimeOf(event: LiveEvent): number {
  const data = asData(event.data)
  const observed = typeof data.observedAt === 'string' ? Date.parse(data.observedAt) : Number.NaN
  return Number.isFinite(observed) ? observed : Date.parse(event.at)
}
