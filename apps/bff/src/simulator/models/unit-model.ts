import { distanceMeters } from '@cityops/domain'
import type { LngLat, UnitStatus, UnitType } from '@cityops/domain'
import { routeTo } from './road-graph'
import type { RoadGraph } from './road-graph'
import type { Rng } from './rng'

export interface UnitState {
  type: UnitType
  position: LngLat
  /** The last node reached; the unit is on the edge from it to `route[0]`. */
  lastNodeId: string
  /** Nodes still to visit, next first. */
  route: readonly string[]
  speedKmh: number
  status: UnitStatus
}

// [U] Average urban travel speeds: patrolling at a walking-the-beat crawl, responding with
// lights through mixed traffic; sanitation trucks sweep slowly.
export const UNIT_SPEEDS_KMH = {
  police: { patrol: 20, response: 40 },
  fire: { patrol: 0, response: 35 },
  ambulance: { patrol: 0, response: 40 },
  sanitation: { patrol: 10, response: 20 },
  municipal: { patrol: 20, response: 30 },
  trafficPolice: { patrol: 20, response: 40 },
} as const satisfies Record<UnitType, { patrol: number; response: number }>

// Fire engines and ambulances wait at their stations when free; the others patrol.
export const PATROLLING_UNIT_TYPES: ReadonlySet<UnitType> = new Set([
  'police',
  'sanitation',
  'municipal',
  'trafficPolice',
])

const PATROL_ATTEMPTS = 5
const MAX_LEGS_PER_ADVANCE = 10_000

export function createUnitState(
  type: UnitType,
  graph: RoadGraph,
  nodeId: string,
): UnitState | null {
  const position = graph.nodes.get(nodeId)
  if (position === undefined) return null
  return {
    type,
    position,
    lastNodeId: nodeId,
    route: [],
    speedKmh: UNIT_SPEEDS_KMH[type].patrol,
    status: 'available',
  }
}

/** Sends the unit to a node at response speed; it stays on its current edge to get there. */
export function dispatchUnit(
  state: UnitState,
  graph: RoadGraph,
  targetNodeId: string,
): UnitState | null {
  const ends = [state.lastNodeId, state.route[0]].filter((id) => id !== undefined)
  const candidates = ends.flatMap((start) => {
    const position = graph.nodes.get(start)
    const path = routeTo(graph, start, targetNodeId)
    return position === undefined || path === null
      ? []
      : [{ path, lead: distanceMeters(state.position, position) }]
  })
  const best = candidates.sort((a, b) => a.lead - b.lead)[0]
  if (best === undefined) return null
  const route = best.lead === 0 ? best.path.slice(1) : best.path
  return { ...state, route, status: 'enRoute', speedKmh: UNIT_SPEEDS_KMH[state.type].response }
}

/** Back to service: patrol speed; it first finishes the edge it is on, so it stays on roads. */
export function releaseUnit(state: UnitState): UnitState {
  const route = state.route.slice(0, 1)
  return { ...state, route, status: 'available', speedKmh: UNIT_SPEEDS_KMH[state.type].patrol }
}

/**
 * Moves the unit `seconds` along its route, interpolating within edges. An en-route unit
 * that arrives becomes `onScene`; an available patrolling unit picks a new random node.
 */
export function advance(state: UnitState, seconds: number, rng: Rng, graph: RoadGraph): UnitState {
  if (state.status !== 'available' && state.status !== 'enRoute') return state
  let s = state
  let budgetM = (s.speedKmh * Math.max(0, seconds)) / 3.6
  for (let leg = 0; leg < MAX_LEGS_PER_ADVANCE && budgetM > 0; leg++) {
    const nextId = s.route[0]
    if (nextId === undefined) {
      if (s.status === 'enRoute') return { ...s, status: 'onScene' }
      const route = PATROLLING_UNIT_TYPES.has(s.type) ? patrolRoute(s, rng, graph) : null
      if (route === null) return s
      s = { ...s, route }
      continue
    }
    const target = graph.nodes.get(nextId)
    if (target === undefined) return { ...s, route: [] }
    const d = distanceMeters(s.position, target)
    if (d > budgetM) return { ...s, position: lerp(s.position, target, budgetM / d) }
    budgetM -= d
    s = { ...s, position: target, lastNodeId: nextId, route: s.route.slice(1) }
  }
  return s.status === 'enRoute' && s.route.length === 0 ? { ...s, status: 'onScene' } : s
}

function patrolRoute(state: UnitState, rng: Rng, graph: RoadGraph): string[] | null {
  const ids = [...graph.nodes.keys()]
  for (let attempt = 0; attempt < PATROL_ATTEMPTS; attempt++) {
    const target = ids[rng.int(ids.length)]
    if (target === undefined || target === state.lastNodeId) continue
    const path = routeTo(graph, state.lastNodeId, target)
    if (path !== null && path.length > 1) return path.slice(1)
  }
  return null
}

// Straight-line interpolation in degrees: edges are short chords, so the error is tiny.
function lerp(a: LngLat, b: LngLat, f: number): LngLat {
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]
}
