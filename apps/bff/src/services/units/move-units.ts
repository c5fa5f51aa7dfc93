import { EntityId, LngLat, parseOrThrow, UNIT_STATUSES, type UnitStatus } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { appendEvents, type NewEvent } from '../../live/append-events'

export const UnitMove = z.object({
  id: EntityId,
  position: LngLat,
  status: z.enum(UNIT_STATUSES),
})
export type UnitMove = z.infer<typeof UnitMove>
const UnitMoves = z.array(UnitMove).max(5000)

interface Moved extends Record<string, unknown> {
  id: string
  version: number
  call_sign: string
  type: string
  department_code: string
  previous_status: UnitStatus
  status: UnitStatus
  lng: number
  lat: number
}

/**
 * Applies a batch of positions (GPS or the simulator) in one transaction: one conditional
 * UPDATE for the whole batch, then one `unit.moved` — or `unit.statusChanged` when the status
 * differs — per unit that changed. Units that did not move, unknown ids and updates older
 * than the unit's last change are skipped, so a replayed or late batch never moves back.
 */
export async function moveUnits(db: Database, updates: readonly UnitMove[], now: Date) {
  const parsed = parseOrThrow(UnitMoves, updates, 'unit positions')
  // The last word per unit wins inside one batch.
  const latest = [...new Map(parsed.map((u) => [u.id, u])).values()]
  if (latest.length === 0) return { changed: 0, statusChanged: 0 }
  const input = latest.map((u) => ({
    id: u.id,
    lng: u.position[0],
    lat: u.position[1],
    status: u.status,
  }))
  return db.transaction(async (tx) => {
    const rows = await queryRows<Moved>(
      tx,
      sql`with input as (
            select x.id, x.lng, x.lat, x.status, u0.status as previous_status
            from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
              as x(id text, lng float8, lat float8, status text)
            join units u0 on u0.id = x.id
          )
          update units u
          set location = ST_SetSRID(ST_MakePoint(i.lng, i.lat), 4326), status = i.status,
              version = u.version + 1, updated_at = ${now.toISOString()}::timestamptz
          from input i
          where u.id = i.id and u.updated_at <= ${now.toISOString()}::timestamptz
            and (u.status <> i.status or ST_X(u.location) <> i.lng or ST_Y(u.location) <> i.lat)
          returning u.id, u.version, u.call_sign, u.type, u.department_code, i.previous_status,
            u.status, i.lng, i.lat`,
    )
    const events: NewEvent[] = rows
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => ({
        topic: 'units',
        type: r.status === r.previous_status ? 'unit.moved' : 'unit.statusChanged',
        entityId: r.id,
        version: Number(r.version),
        data: {
          id: r.id,
          callSign: r.call_sign,
          type: r.type,
          departmentCode: r.department_code,
          position: [r.lng, r.lat],
          status: r.status,
          ...(r.status === r.previous_status ? {} : { previousStatus: r.previous_status }),
          updatedAt: now.toISOString(),
        },
        departments: [r.department_code],
        location: [r.lng, r.lat],
      }))
    await appendEvents(tx, events, now)
    const statusChanged = rows.filter((r) => r.status !== r.previous_status).length
    return { changed: rows.length, statusChanged }
  })
}
