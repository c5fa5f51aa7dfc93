import { distanceMeters } from '@cityops/domain'
import type { LngLat } from '@cityops/domain'
import { describe, expect, it } from 'vitest'
import { buildRoadGraph, nearestNode, routeTo } from './road-graph'
import type { RoadGraph } from './road-graph'
import { createRng } from './rng'
import { advance, createUnitState, dispatchUnit, releaseUnit } from './unit-model'
import type { UnitState } from './unit-model'

// A 5 × 5 street grid, ~450 m blocks, plus one isolated node.
const STEP = 0.005
const id = (x: number, y: number) => `n${x}${y}`
const nodes: [string, LngLat][] = []
const links: { from: string; to: string }[] = []
for (let x = 0; x < 5; x++) {
  for (let y = 0; y < 5; y++) {
    nodes.push([id(x, y), [113.6 + x * STEP, 34.75 + y * STEP]])
    if (x < 4) links.push({ from: id(x, y), to: id(x + 1, y) })
    if (y < 4) links.push({ from: id(x, y), to: id(x, y + 1) })
  }
}
nodes.push(['island', [113.7, 34.9]])
links.push({ from: 'n00', to: 'nowhere' })
const graph: RoadGraph = buildRoadGraph(nodes, links)
const at = (nodeId: string): LngLat => graph.nodes.get(nodeId) ?? [0, 0]

function unit(type: UnitState['type'], nodeId = 'n00'): UnitState {
  const s = createUnitState(type, graph, nodeId)
  if (s === null) throw new Error('fixture')
  return s
}

// Is p on the straight edge a–b (collinear and between them)?
function isOnEdge(p: LngLat, a: LngLat, b: LngLat): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
  const dot = (p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])
  const len2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2
  return Math.abs(cross) < 1e-12 && dot >= -1e-12 && dot <= len2 + 1e-12
}

describe('road graph', () => {
  it('ignores links to unknown nodes and finds shortest paths', () => {
    expect(graph.edges.get('n00')).toEqual(['n01', 'n10'])
    const path = routeTo(graph, 'n00', 'n44')
    expect(path?.[0]).toBe('n00')
    expect(path?.at(-1)).toBe('n44')
    expect(path).toHaveLength(9) // 8 blocks, Manhattan
    expect(routeTo(graph, 'n22', 'n22')).toEqual(['n22'])
    expect(routeTo(graph, 'n00', 'island')).toBeNull()
    expect(routeTo(graph, 'n00', 'missing')).toBeNull()
  })

  it('finds the nearest node', () => {
    expect(nearestNode(graph, [113.6101, 34.7551])).toBe('n21')
  })
})

describe('unit movement', () => {
  const rng = createRng('units')

  it('covers speed × time along the route', () => {
    const s = dispatchUnit(unit('police'), graph, 'n40')
    if (s === null) throw new Error('no route')
    const moved = advance(s, 60, rng, graph) // 40 km/h for 60 s = 666.7 m
    const travelled =
      distanceMeters(at('n00'), at(moved.lastNodeId)) +
      distanceMeters(at(moved.lastNodeId), moved.position)
    expect(travelled).toBeCloseTo((40 * 60) / 3.6, -1)
    expect(moved.status).toBe('enRoute')
    expect(moved.lastNodeId).toBe('n10')
  })

  it('reaches its destination and goes on scene', () => {
    let s = dispatchUnit(unit('ambulance'), graph, 'n44')
    for (let i = 0; i < 100 && s !== null && s.status === 'enRoute'; i++)
      s = advance(s, 30, rng, graph)
    expect(s?.status).toBe('onScene')
    expect(s?.position).toEqual(at('n44'))
    expect(s && advance(s, 300, rng, graph)).toBe(s) // on scene: stays put
  })

  it('patrols on edges only, and deterministically', () => {
    const walk = (seed: string) => {
      const r = createRng(seed)
      let s = unit('police', 'n22')
      const states: UnitState[] = []
      for (let i = 0; i < 300; i++) {
        s = advance(s, 17, r, graph)
        states.push(s)
      }
      return states
    }
    const states = walk('patrol')
    for (const s of states) {
      const next = s.route[0]
      const onEdge =
        next === undefined
          ? s.position === at(s.lastNodeId)
          : isOnEdge(s.position, at(s.lastNodeId), at(next))
      expect(onEdge).toBe(true)
    }
    expect(new Set(states.map((s) => s.lastNodeId)).size).toBeGreaterThan(8)
    expect(walk('patrol')).toEqual(states)
    expect(walk('other')).not.toEqual(states)
  })

  it('fire engines wait when free; release finishes the current edge', () => {
    const engine = unit('fire', 'n11')
    expect(advance(engine, 600, rng, graph)).toEqual(engine)
    const s = dispatchUnit(unit('municipal'), graph, 'n04')
    if (s === null) throw new Error('no route')
    const midway = advance(s, 20, rng, graph)
    const released = releaseUnit(midway)
    expect(released.status).toBe('available')
    expect(released.route).toEqual(midway.route.slice(0, 1))
    expect(released.speedKmh).toBe(20)
  })

  it('re-dispatch mid-edge turns at an end of the current edge', () => {
    const s = dispatchUnit(unit('police'), graph, 'n40')
    if (s === null) throw new Error('no route')
    const midway = advance(s, 20, rng, graph) // ~222 m along n00 → n10
    const back = dispatchUnit(midway, graph, 'n04')
    expect(back?.route[0]).toBe('n00')
    expect(dispatchUnit(midway, graph, 'island')).toBeNull()
  })
})
