import { sql, type SQL } from 'drizzle-orm'

/** Tables whose rows carry a point `location` and are counted per area by the thematic maps. */
export type AreaCountedTable = 'incidents' | 'city_cases'

/**
 * Rows of `table` inside a district (6-digit code) or township (9-digit), by point in polygon:
 * the same rule the choropleth counts by, so a listing's total matches the shaded number.
 */
export function areaCondition(table: AreaCountedTable, code: string): SQL {
  const location = sql`${sql.identifier(table)}.location`
  return code.length === 9
    ? sql`exists (select 1 from townships t where t.code = ${code} and ST_Contains(t.geom, ${location}))`
    : sql`exists (select 1 from admin_areas a where a.code = ${code} and ST_Contains(a.geom, ${location}))`
}
