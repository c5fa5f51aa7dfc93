import { sql, type SQL } from 'drizzle-orm'

/** Tables whose rows carry the trigger-kept area codes the thematic maps count by. */
export type AreaCountedTable = 'incidents' | 'city_cases'

/**
 * Rows of `table` in a district (6-digit code) or township (9-digit): the area_district /
 * area_township columns the point-in-polygon trigger fills (migration 0014) are what the
 * choropleth's rollups count, so a listing's total matches the shaded number exactly, also
 * for a point on a shared border.
 */
export function areaCondition(table: AreaCountedTable, code: string): SQL {
  const column = code.length === 9 ? 'area_township' : 'area_district'
  return sql`${sql.identifier(table)}.${sql.identifier(column)} = ${code}`
}
