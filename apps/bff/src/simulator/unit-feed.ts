import type { LngLat, UnitStatus, UnitType } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { UnitMove } from '../services/units/move-units'
import type { CityGeography } from './city-geography'
import { advance, createUnitState, nearestNode, type Rng, type UnitState } from './models'
import { createResponders } from './responders'
import type { SimulatedCall } from './incident-feed'

/** Units move on a fixed grid of simulated time, so any tick rhythm gives the same paths. */
export const UNIT_STEP_MS = 10_000
// A late tick (a slow query, a laptop waking up) is caught up in at most this many steps.
const MAX_STEPS_PER_ADVANCE = 360

export interface SimUnit {
  id: string
  type: UnitType
  state: UnitState
  /** What the database last heard, to send only what changed. */
  written: { position: LngLat; status: UnitStatus }
}

export interface UnitFeed {
  units: readonly SimUnit[]
  /** Queues incidents that call for a responder (fire engine, ambulance, patrol). */
  respond(calls: readonly SimulatedCall[]): void
  /** Moves every unit up to `to`; returns the changes since the last call, for `moveUnits`. */
  advanceTo(to: Date): UnitMove[]
}

interface UnitRow extends Record<string, unknown> {
  id: string
  type: UnitType
  status: UnitStatus
  lng: number
  lat: number
}

export async function loadUnitFeed(
  db: Database,
  geo: CityGeography,
  rng: Rng,
  start: Date,
): Promise<UnitFeed> {
  const rows = await queryRows<UnitRow>(
    db,
    sql`select id, type, status, ST_X(location) as lng, ST_Y(location) as lat from units order by id`,
  )
  const units: SimUnit[] = rows.flatMap((r) => {
    const position: LngLat = [Number(r.lng), Number(r.lat)]
    const node = nearestNode(geo.graph, position)
    const initial = node === null ? null : createUnitState(r.type, geo.graph, node)
    if (initial === null) return []
    // Routes are not stored: a unit the last run left en route or on scene returns to
    // service where it is. Statuses the simulator does not give (off duty) are kept.
    const status = r.status === 'offDuty' || r.status === 'dispatched' ? r.status : 'available'
    return [
      {
        id: r.id,
        type: r.type,
        state: { ...initial, status },
        written: { position, status: r.status },
      },
    ]
  })
  const responders = createResponders(geo.graph, units)
  let step = Math.floor(start.getTime() / UNIT_STEP_MS)

  return {
    units,
    respond: (calls) => responders.enqueue(calls),
    advanceTo(to) {
      const last = Math.floor(to.getTime() / UNIT_STEP_MS)
      const steps = Math.min(MAX_STEPS_PER_ADVANCE, Math.max(0, last - step))
      const seconds = steps > 0 ? ((last - step) * UNIT_STEP_MS) / steps / 1000 : 0
      for (let i = 1; i <= steps; i++) {
        const k = step + Math.round(((last - step) * i) / steps)
        const at = new Date(k * UNIT_STEP_MS)
        responders.beforeStep(at)
        for (const u of units)
          u.state = advance(u.state, seconds, rng.fork(`${u.id}@${k}`), geo.graph)
        responders.afterStep(at)
      }
      step = Math.max(step, last)
      return changes(units)
    },
  }
}

function changes(units: readonly SimUnit[]): UnitMove[] {
  const moves: UnitMove[] = []
  for (const u of units) {
    const position: LngLat = [round6(u.state.position[0]), round6(u.state.position[1])]
    const { written } = u
    const isSame =
      written.status === u.state.status &&
      written.position[0] === position[0] &&
      written.position[1] === position[1]
    if (isSame) continue
    u.written = { position, status: u.state.status }
    moves.push({ id: u.id, position, status: u.state.status })
  }
  return moves
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6
