import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'

/** The county-level division containing a point, or null outside Zhengzhou. */
export async function districtAt(db: Executor, lng: number, lat: number): Promise<string | null> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from admin_areas
        where level = 'district' and ST_Contains(geom, ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326))
        limit 1`,
  )
  return rows[0]?.code ?? null
}
