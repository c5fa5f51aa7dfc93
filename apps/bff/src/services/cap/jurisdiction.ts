import type { Point, Polygon } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { CapAlert } from '../../ingest/cap'

const key = (g: Point | Polygon) => JSON.stringify(g)

/**
 * Which of an alert's area shapes touch Zhengzhou, asked of PostGIS up front so that the
 * codec's synchronous `isInsideJurisdiction` can answer from memory.
 */
export async function jurisdictionOf(
  db: Executor,
  alert: CapAlert,
): Promise<(g: Point | Polygon) => boolean> {
  const shapes: (Point | Polygon)[] = alert.infos.flatMap((info) =>
    info.areas.flatMap((area) => [
      ...area.polygons.map((ring): Polygon => ({ type: 'Polygon', coordinates: [ring] })),
      ...area.circles.map((c): Point => ({ type: 'Point', coordinates: c.center })),
    ]),
  )
  const inside = new Set<string>()
  for (const shape of shapes) {
    const [row] = await queryRows<{ hit: boolean }>(
      db,
      sql`select exists (
            select 1 from admin_areas where level = 'city'
            and ST_Intersects(geom, ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${key(shape)}::text), 4326)))
          ) as hit`,
    )
    if (row?.hit) inside.add(key(shape))
  }
  return (g) => inside.has(key(g))
}
