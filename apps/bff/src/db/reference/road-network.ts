import { ROAD_CLASSES, type RoadClass } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../client'
import { roadSegments } from '../schema'

// A road network is data: the shipped one is the bus-derived stand-in (public/basemap/data,
// see SOURCES.md); `npm run import:roads -- file.geojson` loads a city's real one.

const Position = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .rest(z.number())
const Line = z.array(Position).min(2)
const RoadFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('LineString'), coordinates: Line }),
    z.object({ type: z.literal('MultiLineString'), coordinates: z.array(Line).min(1) }),
  ]),
})

export interface RoadSegmentInput {
  id: string
  name: string | null
  roadClass: RoadClass
  lengthM: number
  coordinates: [number, number][]
  /** Index of the feature it came from, for messages. */
  feature: number
}

/** A feature's road class, or null to leave the feature out. May throw to refuse it. */
export type RoadClassifier = (properties: Record<string, unknown>) => RoadClass | null

/**
 * The bus links carry no road class. Stand-in rule [U]: the more bus routes share a link,
 * the more important the street — 8+ routes arterial, 3–7 secondary, fewer branch.
 */
function classFromRouteCount(routes: number): RoadClass {
  if (routes >= 8) return 'arterial'
  return routes >= 3 ? 'secondary' : 'branch'
}

/** The shipped bus network: `road_class` when given, else by route count. */
export const busNetworkClass: RoadClassifier = (p) => {
  if (p.skips_stops === true) return null // express chords overlapping finer links (SOURCES.md)
  return (
    ROAD_CLASSES.find((c) => c === p.road_class) ?? classFromRouteCount(Number(p.route_count ?? 1))
  )
}

/**
 * Reads LineString and MultiLineString features (a MultiLineString becomes one segment per
 * part, ids `<id>-1`, `<id>-2`, …) with `name` (or `road_name`) and a class from `classify`.
 * Throws `feature <index>: <what is wrong>` on the first bad feature.
 */
export function roadSegmentsFromGeoJson(
  features: unknown[],
  classify: RoadClassifier = busNetworkClass,
): RoadSegmentInput[] {
  return features.flatMap((raw, index) => {
    const parsed = RoadFeature.safeParse(raw)
    if (!parsed.success) throw new Error(`feature ${index}: ${describeIssue(parsed.error)}`)
    const p = parsed.data.properties ?? {}
    let roadClass: RoadClass | null
    try {
      roadClass = classify(p)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`feature ${index}: ${reason}`, { cause: error })
    }
    if (roadClass === null) return []
    const id = String(p.id ?? parsed.data.id ?? `R${index + 1}`)
    const name = [p.road_name, p.name].find((n) => typeof n === 'string' && n.trim() !== '')
    const { geometry } = parsed.data
    const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates
    return lines.map((line, part) => ({
      id: lines.length === 1 ? id : `${id}-${part + 1}`,
      name: typeof name === 'string' ? name.trim() : null,
      roadClass,
      lengthM: lines.length === 1 ? Number(p.length_m ?? 0) : 0,
      coordinates: line.map(([lng, lat]): [number, number] => [lng, lat]),
      feature: index,
    }))
  })
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const path = issue?.path.map(String) ?? []
  if (path[0] === 'geometry' && path.includes('coordinates'))
    return 'a coordinate is not a [longitude, latitude] pair in degrees (WGS84), or a line has fewer than 2 points'
  if (path[0] === 'geometry') return 'the geometry must be a LineString or a MultiLineString'
  if (path[0] === 'type') return 'it is not a GeoJSON Feature'
  return `${path.join('.') || 'the feature'} is invalid (${issue?.message ?? 'unknown'})`
}

/** Inserts segments (multi-row); length is measured by PostGIS when the source has none. */
export async function insertRoadSegments(
  tx: Executor,
  segments: RoadSegmentInput[],
): Promise<number> {
  let inserted = 0
  for (let i = 0; i < segments.length; i += 1000) {
    const rows = segments.slice(i, i + 1000).map((s) => {
      const geom = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: s.coordinates })}::text), 4326)`
      return {
        id: s.id,
        name: s.name,
        roadClass: s.roadClass,
        lengthM: s.lengthM > 0 ? s.lengthM : sql`ST_Length(${geom}::geography)`,
        geom,
      }
    })
    const result = await tx
      .insert(roadSegments)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: roadSegments.id })
    inserted += result.length
  }
  return inserted
}
