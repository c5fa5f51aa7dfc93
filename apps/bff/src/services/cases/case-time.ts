import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

// Zhengzhou keeps Beijing time (UTC+8, no DST), so local dates are a fixed shift of the instant.
const BEIJING_OFFSET_MS = 8 * 3_600_000

/** ISO 8601 with the +08:00 offset (DOMAIN.md wants local offsets in case data). */
export function beijingIso(at: Date): string {
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

export const beijingIsoOrNull = (at: Date | null): string | null => (at ? beijingIso(at) : null)

/** `ZZ-YYYYMMDD-NNNNNN`: the Beijing date of the report and a city-wide running number. */
export function formatRequestNumber(at: Date, n: number): string {
  const day = beijingIso(at).slice(0, 10).replaceAll('-', '')
  return `ZZ-${day}-${String(n).padStart(6, '0')}`
}

/** Takes the next number from `city_case_number_seq` (not transactional: a rollback leaves a gap). */
export async function nextRequestNumber(tx: Executor, at: Date): Promise<string> {
  const [row] = await queryRows<{ n: number | string }>(
    tx,
    sql`select nextval('city_case_number_seq') as n`,
  )
  if (!row) throw new Error('nextval returned no row')
  return formatRequestNumber(at, Number(row.n))
}
