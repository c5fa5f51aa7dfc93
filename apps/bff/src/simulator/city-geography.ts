import { ROAD_CLASSES, type LngLat, type RoadClass } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { createDistrictIndex, type DistrictIndex } from './district-index'
import { buildRoadGraph, type RoadGraph, type RoadLink } from './models'

/** A road link's midpoint and where it lies, for incident locations and titles. */
export interface RoadPoint {
  position: LngLat
  roadName: string | null
  districtCode: string
}

/** What the models need from the database, read once at start-up. */
export interface CityGeography {
  links: RoadLink[]
  graph: RoadGraph
  /** Nodes of the largest connected part of the graph: units placed there can go anywhere. */
  mainNodes: string[]
  roadPoints: RoadPoint[]
  districts: DistrictIndex
  /** 街道/乡镇 with a polygon (about half of them, see SOURCES.md), same lookups. */
  townships: DistrictIndex
}

interface SegmentRow extends Record<string, unknown> {
  id: string
  name: string | null
  road_class: string
  length_m: number
  /** midpoint, start and end as x/y pairs */
  mx: number
  my: number
  sx: number
  sy: number
  ex: number
  ey: number
}

export async function loadCityGeography(db: Executor): Promise<CityGeography> {
  const districts = createDistrictIndex(
    await queryRows<{ code: string; name: string; geometry: string }>(
      db,
      sql`select code, name, ST_AsGeoJSON(geom, 6) as geometry
          from admin_areas where level = 'district' order by code`,
    ),
  )
  const townships = createDistrictIndex(
    await queryRows<{ code: string; name: string; geometry: string }>(
      db,
      sql`select code, name, ST_AsGeoJSON(geom, 6) as geometry
          from townships where geom is not null and is_current order by code`,
    ),
  )
  // Links meeting at a stop share its exact position, so endpoints become the graph's nodes.
  const segments = await queryRows<SegmentRow>(
    db,
    sql`select id, name, road_class, length_m,
          ST_X(mid) as mx, ST_Y(mid) as my, ST_X(s) as sx, ST_Y(s) as sy, ST_X(e) as ex, ST_Y(e) as ey
        from (select id, name, road_class, length_m, ST_LineInterpolatePoint(geom, 0.5) as mid,
                ST_StartPoint(geom) as s, ST_EndPoint(geom) as e from road_segments) r
        order by id`,
  )
  const links: RoadLink[] = []
  const nodes = new Map<string, LngLat>()
  const edges: { from: string; to: string }[] = []
  const roadPoints: RoadPoint[] = []
  for (const s of segments) {
    const position = rounded(s.mx, s.my)
    const [start, end] = [rounded(s.sx, s.sy), rounded(s.ex, s.ey)]
    links.push({ id: s.id, roadClass: roadClass(s.road_class), lengthM: s.length_m, position })
    const [from, to] = [nodeKey(start), nodeKey(end)]
    nodes.set(from, start).set(to, end)
    edges.push({ from, to })
    const districtCode = districts.codeAt(position)
    if (districtCode !== null) roadPoints.push({ position, roadName: s.name, districtCode })
  }
  const graph = buildRoadGraph(nodes, edges)
  return { links, graph, mainNodes: largestComponent(graph), roadPoints, districts, townships }
}

export const nodeKey = ([lng, lat]: LngLat) => `${lng.toFixed(6)},${lat.toFixed(6)}`

// 6 decimals (~0.1 m): the same on both drivers, and what the layers draw.
const rounded = (lng: number, lat: number): LngLat => [
  Math.round(Number(lng) * 1e6) / 1e6,
  Math.round(Number(lat) * 1e6) / 1e6,
]

// road_class is written only from ROAD_CLASSES; an unknown value would be a data error we
// survive by treating the link as a branch road.
function roadClass(value: string): RoadClass {
  return ROAD_CLASSES.find((c) => c === value) ?? 'branch'
}

function largestComponent(graph: RoadGraph): string[] {
  const seen = new Set<string>()
  let best: string[] = []
  for (const start of [...graph.edges.keys()].sort()) {
    if (seen.has(start)) continue
    const part: string[] = []
    const stack = [start]
    seen.add(start)
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      part.push(id)
      for (const next of graph.edges.get(id) ?? []) {
        if (seen.has(next)) continue
        seen.add(next)
        stack.push(next)
      }
    }
    if (part.length > best.length) best = part
  }
  return best.sort()
}
