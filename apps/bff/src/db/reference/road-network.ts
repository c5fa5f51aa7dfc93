import { ROAD_CLASSES, type RoadClass } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../client'
import { roadSegments } from '../schema'

// A road network is data: the shipped one is the bus-derived stand-in (public/basemap/data,
// see SOURCES.md); `npm run import:roads -- file.geojson` loads a city's real one.

const RoadFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: z.object({
    type: z.literal('LineString'),
    coordinates: z
      .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
      .min(2),
  }),
})

export interface RoadSegmentInput {
  id: string
  name: string | null
  roadClass: RoadClass
  lengthM: number
  coordinates: [number, number][]
}

/**
 * The bus links carry no road class. Stand-in rule [U]: the more bus routes share a link,
 * the more important the street — 8+ routes arterial, 3–7 secondary, fewer branch.
 */
function classFromRouteCount(routes: number): RoadClass {
  if (routes >= 8) return 'arterial'
  return routes >= 3 ? 'secondary' : 'branch'
}

/** Reads LineString features: `road_class` (one of ROAD_CLASSES) and `name` when given. */
export function roadSegmentsFromGeoJson(features: unknown[]): RoadSegmentInput[] {
  return features.flatMap((raw, index) => {
    const parsed = RoadFeature.safeParse(raw)
    if (!parsed.success)
      throw new Error(`feature ${index}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
    const p = parsed.data.properties ?? {}
    if (p.skips_stops === true) return [] // express chords overlapping finer links (SOURCES.md)
    const declared = ROAD_CLASSES.find((c) => c === p.road_class)
    const id = String(p.id ?? parsed.data.id ?? `R${index + 1}`)
    return [
      {
        id,
        name:
          typeof p.road_name === 'string'
            ? p.road_name
            : typeof p.name === 'string'
              ? p.name
              : null,
        roadClass: declared ?? classFromRouteCount(Number(p.route_count ?? 1)),
        lengthM: Number(p.length_m ?? 0),
        coordinates: parsed.data.geometry.coordinates,
      },
    ]
  })
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
