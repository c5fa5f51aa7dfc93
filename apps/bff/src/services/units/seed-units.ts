import { createHash } from 'node:crypto'
import { Unit, type LngLat } from '@cityops/domain'
import { inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { pointFromLngLat } from '../../db/geo-sql'
import { queryRows } from '../../db/query-rows'
import { units } from '../../db/schema'
import { appendEvents } from '../../live/append-events'
import { DEFAULT_FLEET, fleetUnits, URBAN_DISTRICT_CODES, type FleetGroup } from './unit-fleet'

export interface SeedUnitsOptions {
  /** Picks each vehicle's starting place; the same seed places the fleet the same way. */
  seed: string
  /** Where a vehicle may stand: road graph nodes, so it can drive off along the network. */
  candidates: readonly LngLat[]
  fleet?: readonly FleetGroup[]
}

/**
 * Creates the fleet's missing vehicles (all of them on the first run, none afterwards), each
 * `available` at a candidate node inside its district (district offices) or the city proper,
 * with one `unit.created` event each — one transaction. Returns how many were created.
 */
export async function seedUnits(db: Database, now: Date, options: SeedUnitsOptions) {
  const wanted = fleetUnits(options.fleet ?? DEFAULT_FLEET)
  const existing = await db
    .select({ id: units.id })
    .from(units)
    .where(
      inArray(
        units.id,
        wanted.map((u) => u.id),
      ),
    )
  const known = new Set(existing.map((r) => r.id))
  const missing = wanted.filter((u) => !known.has(u.id))
  if (missing.length === 0 || options.candidates.length === 0) return 0
  return db.transaction(async (tx) => {
    const pools = await candidatePools(tx, options.candidates)
    const rows = missing.map((u) => {
      const pool = pools.get(u.districtCode ?? 'urban') ?? pools.get('all') ?? []
      const position = pool[stableIndex(`${options.seed}/${u.id}`, pool.length)]
      if (position === undefined) throw new Error(`no place to put unit ${u.id}`)
      const unit = Unit.parse({
        ...u,
        position: { type: 'Point', coordinates: position },
        status: 'available',
      })
      return { unit, position }
    })
    const inserted = await tx
      .insert(units)
      .values(
        rows.map(({ unit, position }) => ({
          id: unit.id,
          callSign: unit.callSign,
          type: unit.type,
          departmentCode: unit.departmentCode,
          status: unit.status,
          location: pointFromLngLat(position[0], position[1]),
          updatedAt: now,
          version: 1,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: units.id })
    const created = new Set(inserted.map((r) => r.id))
    const events = rows
      .filter(({ unit }) => created.has(unit.id))
      .map(({ unit, position }) => ({
        topic: 'units' as const,
        type: 'unit.created',
        entityId: unit.id,
        version: 1,
        data: { ...unit, position, updatedAt: now.toISOString() },
        departments: [unit.departmentCode],
        location: position,
      }))
    await appendEvents(tx, events, now)
    return created.size
  })
}

/** Candidates by district code, plus 'urban' (the city proper) and 'all'; each sorted. */
async function candidatePools(tx: Executor, candidates: readonly LngLat[]) {
  const sorted = [...candidates].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const located = await queryRows<{ i: number | string; code: string }>(
    tx,
    sql`select p.ord - 1 as i, a.code
        from jsonb_array_elements(${JSON.stringify(sorted)}::jsonb) with ordinality as p(pt, ord)
        join admin_areas a on a.level = 'district' and ST_Contains(a.geom,
          ST_SetSRID(ST_MakePoint((p.pt->>0)::float8, (p.pt->>1)::float8), 4326))
        order by p.ord`,
  )
  const pools = new Map<string, LngLat[]>([['all', sorted]])
  for (const { i, code } of located) {
    const point = sorted[Number(i)]
    if (point === undefined) continue
    for (const key of URBAN_DISTRICT_CODES.includes(code) ? [code, 'urban'] : [code]) {
      const pool = pools.get(key) ?? []
      pool.push(point)
      pools.set(key, pool)
    }
  }
  return pools
}

// A hash, not an RNG: the place depends only on (seed, unit id), never on the other units.
function stableIndex(key: string, length: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % Math.max(1, length)
}
