import { UNIT_STATUSES, UNIT_TYPES, type LiveEvent } from '@cityops/domain'
import type { LayerSnapshot } from '../src/live/layer-state'

// Zhengzhou's bounding box (src/map/view.ts CITY_BOUNDS), as plain numbers.
const WEST = 112.7151
const SOUTH = 34.2633
const EAST = 114.2151
const NORTH = 34.9901
const DEPARTMENTS = ['gajzd', 'xfzd', 'jjzx', 'hwzx', 'szgl'] as const
// A unit moves at most ~100 m per event.
const STEP_DEG = 0.001

/** mulberry32: a small seeded PRNG, so both paths of a run see exactly the same events. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(items: readonly T[], random: () => number): T => {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

interface UnitRow {
  id: string
  type: string
  status: string
  callSign: string
  departmentCode: string
  lng: number
  lat: number
  version: number
}

export interface SyntheticCity {
  snapshot: LayerSnapshot
  events: LiveEvent[]
}

/** `units` unit positions as a layer snapshot at seq 1, then `eventCount` `unit.moved` events. */
export function syntheticUnits(units: number, eventCount: number, seed: number): SyntheticCity {
  const random = seededRandom(seed)
  const rows: UnitRow[] = Array.from({ length: units }, (_, i) => ({
    id: `unit-${i}`,
    type: pick(UNIT_TYPES, random),
    status: pick(UNIT_STATUSES, random),
    callSign: `郑${String(i).padStart(5, '0')}`,
    departmentCode: pick(DEPARTMENTS, random),
    lng: WEST + random() * (EAST - WEST),
    lat: SOUTH + random() * (NORTH - SOUTH),
    version: 1,
  }))
  const at = new Date(Date.UTC(2025, 5, 1, 8)).toISOString()
  const snapshot: LayerSnapshot = {
    seq: 1,
    features: rows.map((u) => ({
      id: u.id,
      geometry: { type: 'Point', coordinates: [u.lng, u.lat] },
      properties: { ...propertiesOf(u, at), version: u.version },
    })),
  }
  const events: LiveEvent[] = []
  for (let i = 0; i < eventCount; i++) {
    const u = pick(rows, random)
    u.lng = Math.min(EAST, Math.max(WEST, u.lng + (random() - 0.5) * 2 * STEP_DEG))
    u.lat = Math.min(NORTH, Math.max(SOUTH, u.lat + (random() - 0.5) * 2 * STEP_DEG))
    u.version += 1
    const updatedAt = new Date(Date.UTC(2025, 5, 1, 8) + i).toISOString()
    events.push({
      seq: 2 + i,
      topic: 'units',
      type: 'unit.moved',
      id: u.id,
      version: u.version,
      at: updatedAt,
      data: { ...propertiesOf(u, updatedAt), position: [u.lng, u.lat] },
    })
  }
  return { snapshot, events }
}

const propertiesOf = (u: UnitRow, updatedAt: string) => ({
  id: u.id,
  type: u.type,
  status: u.status,
  callSign: u.callSign,
  updatedAt,
  departmentCode: u.departmentCode,
})
