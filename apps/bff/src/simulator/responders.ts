import { distanceMeters, type IncidentCategory, type UnitType } from '@cityops/domain'
import type { SimulatedCall } from './incident-feed'
import { dispatchUnit, nearestNode, releaseUnit, type CallSource, type RoadGraph } from './models'
import type { SimUnit } from './unit-feed'

// Until the dispatch issue lets people assign units, the demo sends the nearest free vehicle
// of the responding service itself, so the map shows units going out and coming back.

// [U] Minutes on scene before the unit is free again (treatment, clearing the road, reports).
const ON_SCENE_MIN = {
  police: 20,
  fire: 45,
  ambulance: 30,
  sanitation: 30,
  municipal: 60,
  trafficPolice: 30,
} as const satisfies Record<UnitType, number>

function responderType(category: IncidentCategory, source: CallSource): UnitType | null {
  if (category === 'fire' || category === 'gasLeak' || category === 'hazardousChemicals')
    return 'fire'
  if (category === 'medical' || (category === 'trafficAccident' && source === '120'))
    return 'ambulance'
  if (category === 'trafficAccident') return 'trafficPolice'
  return category === 'publicSecurity' ? 'police' : null
}

export interface Responders {
  enqueue(calls: readonly SimulatedCall[]): void
  /** Dispatches the queued calls reported by `at`. */
  beforeStep(at: Date): void
  /** Starts the on-scene clock of arrivals and frees the units whose time is up. */
  afterStep(at: Date): void
}

export function createResponders(graph: RoadGraph, units: readonly SimUnit[]): Responders {
  const queue: SimulatedCall[] = []
  const freeAt = new Map<string, number>()

  const dispatch = (call: SimulatedCall) => {
    const type = responderType(call.value.category, call.value.source)
    const target = type === null ? null : nearestNode(graph, call.value.location)
    if (type === null || target === null) return
    const free = units
      .filter((u) => u.type === type && u.state.status === 'available')
      .map((u) => ({ u, d: distanceMeters(u.state.position, call.value.location) }))
      .sort((a, b) => a.d - b.d || a.u.id.localeCompare(b.u.id))
    for (const { u } of free.slice(0, 3)) {
      const sent = dispatchUnit(u.state, graph, target)
      if (sent === null) continue // not reachable from where it stands: try the next one
      u.state = sent
      return
    }
  }

  return {
    enqueue(calls) {
      queue.push(...calls)
      queue.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))
    },
    beforeStep(at) {
      while (queue[0] !== undefined && queue[0].at <= at) {
        const call = queue.shift()
        if (call) dispatch(call)
      }
    },
    afterStep(at) {
      for (const u of units) {
        if (u.state.status !== 'onScene') continue
        const until = freeAt.get(u.id)
        if (until === undefined) freeAt.set(u.id, at.getTime() + ON_SCENE_MIN[u.type] * 60_000)
        else if (until <= at.getTime()) {
          u.state = releaseUnit(u.state)
          freeAt.delete(u.id)
        }
      }
    },
  }
}
