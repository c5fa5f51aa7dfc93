import { toWgs84, type CrsId } from '@cityops/domain'
import { z } from 'zod'
import { importedRoadClass } from './road-classes'
import { roadSegmentsFromGeoJson, type RoadSegmentInput } from './road-network'

export interface ParsedRoadNetwork {
  segments: RoadSegmentInput[]
  features: number
  /** Features that are not city streets (footways, service roads, …), left out. */
  skipped: number
}

// Names a GeoJSON 2008 `crs` member may give for WGS84 longitude/latitude.
const WGS84_NAMES = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:EPSG::4326|EPSG:4326|CRS84)$/i
const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
  // GeoJSON 2008 named CRS; RFC 7946 dropped it, but some exporters still write one
  crs: z.object({ properties: z.object({ name: z.unknown() }).partial().nullish() }).nullish(),
})
const MAX_ID_LENGTH = 64 // EntityId: traffic readings name their segment by it

/**
 * Validates a road file completely before anything is written: the first problem throws one
 * sentence naming the feature index. Lines are converted to WGS84 from `crs` and split where
 * they meet another line's vertex, so the simulator's road graph connects at junctions.
 */
export function parseRoadNetwork(text: string, crs: CrsId = 'WGS84'): ParsedRoadNetwork {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : ''
    throw new Error(`the file is not valid JSON (${reason})`, { cause: error })
  }
  const collection = FeatureCollection.safeParse(json)
  if (!collection.success) throw new Error('the file is not a GeoJSON FeatureCollection')
  const declared = collection.data.crs?.properties?.name
  if (declared !== undefined && !WGS84_NAMES.test(String(declared)))
    throw new Error(
      `the file declares the coordinate system ${String(declared)}; give longitude/latitude in WGS84 (EPSG:4326), or GCJ-02 / BD-09 with --crs`,
    )
  const { features } = collection.data
  const parsed = roadSegmentsFromGeoJson(features, importedRoadClass)
  const kept = new Set(parsed.map((s) => s.feature)).size
  if (parsed.length === 0)
    throw new Error(`none of the ${features.length} features is a city road (all were left out)`)
  for (const s of parsed) {
    if (s.coordinates.every(([x, y]) => x === s.coordinates[0]?.[0] && y === s.coordinates[0]?.[1]))
      throw new Error(`feature ${s.feature}: the line has no length (all its points are the same)`)
  }
  const converted = parsed.map((s) => ({
    ...s,
    coordinates: s.coordinates.map((p) => toWgs(p, crs)),
  }))
  const segments = splitAtJunctions(converted)
  assertUniqueIds(segments)
  return { segments, features: features.length, skipped: features.length - kept }
}

const toWgs = (p: [number, number], crs: CrsId): [number, number] => {
  const [lng, lat] = toWgs84({ type: 'Point', coordinates: p }, crs).coordinates
  return [lng, lat]
}

/**
 * Splits each line at interior vertices that another line (or the line itself) also passes
 * through: OSM ways meet at shared nodes, not at their ends. Parts get ids `<id>.1`, `<id>.2`, ….
 * Lines that cross without a shared vertex (bridges, overpasses) stay unconnected, as they are.
 */
export function splitAtJunctions(segments: readonly RoadSegmentInput[]): RoadSegmentInput[] {
  const key = ([lng, lat]: [number, number]) => `${lng.toFixed(7)},${lat.toFixed(7)}`
  const uses = new Map<string, number>()
  for (const s of segments)
    for (const p of s.coordinates) uses.set(key(p), (uses.get(key(p)) ?? 0) + 1)
  return segments.flatMap((s) => {
    const parts: [number, number][][] = [[]]
    s.coordinates.forEach((p, i) => {
      const part = parts.at(-1)
      const last = part?.at(-1)
      if (last && key(last) === key(p)) return // a repeated vertex adds nothing
      part?.push(p)
      const isInterior = i > 0 && i < s.coordinates.length - 1
      if (isInterior && (uses.get(key(p)) ?? 0) > 1) parts.push([p])
    })
    if (parts.length === 1) return [s]
    return parts.map((coordinates, i) => ({
      ...s,
      id: `${s.id}.${i + 1}`,
      lengthM: 0,
      coordinates,
    }))
  })
}

function assertUniqueIds(segments: readonly RoadSegmentInput[]) {
  const seen = new Map<string, number>()
  for (const s of segments) {
    if (s.id.length > MAX_ID_LENGTH)
      throw new Error(`feature ${s.feature}: its id is longer than ${MAX_ID_LENGTH} characters`)
    const first = seen.get(s.id)
    if (first !== undefined)
      throw new Error(
        `feature ${s.feature}: its id "${s.id}" is already used by feature ${first}; road ids must be unique`,
      )
    seen.set(s.id, s.feature)
  }
}
