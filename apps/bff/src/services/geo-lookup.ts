import { sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'

/**
 * SQL for the code of the county-level division containing `point` (a WGS-84 geometry
 * expression), null outside Zhengzhou. Names qualified: it also runs as a scalar subquery in
 * selects whose outer table has its own columns.
 */
export const districtContaining = (point: SQL) =>
  sql<string | null>`(select d.code from admin_areas d
    where d.level = 'district' and ST_Contains(d.geom, ${point}) limit 1)`

/** The county-level division containing a point, or null outside Zhengzhou. */
export async function districtAt(db: Executor, lng: number, lat: number): Promise<string | null> {
  const rows = await queryRows<{ code: string | null }>(
    db,
    sql`select ${districtContaining(sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`)} as code`,
  )
  return rows[0]?.code ?? null
}
