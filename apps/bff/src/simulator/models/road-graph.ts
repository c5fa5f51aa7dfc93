import { distanceMeters } from '@cityops/domain'
import type { LngLat } from '@cityops/domain'

/** Undirected road graph: node id → position, node id → neighbour ids. */
export interface RoadGraph {
  nodes: ReadonlyMap<string, LngLat>
  edges: ReadonlyMap<string, readonly string[]>
}

/** Builds the graph from stop positions and links (e.g. road links' from/to stop ids). */
export function buildRoadGraph(
  nodes: Iterable<readonly [string, LngLat]>,
  links: Iterable<{ from: string; to: string }>,
): RoadGraph {
  const positions = new Map<string, LngLat>()
  for (const [id, position] of nodes) positions.set(id, position)
  const adjacency = new Map<string, Set<string>>()
  const connect = (a: string, b: string) => {
    const set = adjacency.get(a) ?? new Set<string>()
    set.add(b)
    adjacency.set(a, set)
  }
  for (const { from, to } of links) {
    // Links to unknown stops or to themselves would strand a unit; skip them.
    if (from === to || !positions.has(from) || !positions.has(to)) continue
    connect(from, to)
    connect(to, from)
  }
  const edges = new Map<string, readonly string[]>()
  for (const [id, set] of adjacency) edges.set(id, [...set].sort())
  return { nodes: positions, edges }
}

/** Shortest path by length (A* with a great-circle heuristic), `from` … `to`; null if unreachable. */
export function routeTo(graph: RoadGraph, from: string, to: string): string[] | null {
  const goal = graph.nodes.get(to)
  if (goal === undefined || !graph.nodes.has(from)) return null
  const cost = new Map<string, number>([[from, 0]])
  const previous = new Map<string, string>()
  const open = new MinHeap()
  open.push(from, 0)
  for (let current = open.pop(); current !== undefined; current = open.pop()) {
    if (current === to) return unwind(previous, to)
    const here = graph.nodes.get(current)
    const base = cost.get(current)
    if (here === undefined || base === undefined) continue
    for (const next of graph.edges.get(current) ?? []) {
      const there = graph.nodes.get(next)
      if (there === undefined) continue
      const candidate = base + distanceMeters(here, there)
      if (candidate >= (cost.get(next) ?? Number.POSITIVE_INFINITY)) continue
      cost.set(next, candidate)
      previous.set(next, current)
      open.push(next, candidate + distanceMeters(there, goal))
    }
  }
  return null
}

function unwind(previous: ReadonlyMap<string, string>, to: string): string[] {
  const path = [to]
  for (let node = previous.get(to); node !== undefined; node = previous.get(node)) path.push(node)
  return path.reverse()
}

/** The node closest to a point (linear scan: a few thousand nodes, called rarely). */
export function nearestNode(graph: RoadGraph, point: LngLat): string | null {
  let best: string | null = null
  let bestM = Number.POSITIVE_INFINITY
  for (const [id, position] of graph.nodes) {
    const d = distanceMeters(point, position)
    if (d < bestM) {
      best = id
      bestM = d
    }
  }
  return best
}

// Binary min-heap of (id, priority); stale duplicates are skipped by the cost check above.
class MinHeap {
  private items: { id: string; priority: number }[] = []

  push(id: string, priority: number): void {
    const items = this.items
    items.push({ id, priority })
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1
      const [a, b] = [items[i], items[parent]]
      if (a === undefined || b === undefined || b.priority <= a.priority) break
      ;[items[i], items[parent]] = [b, a]
      i = parent
    }
  }

  pop(): string | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (top === undefined || last === undefined || items.length === 0) return top?.id
    items[0] = last
    for (let i = 0; ;) {
      const l = 2 * i + 1
      const r = l + 1
      let smallest = i
      if ((items[l]?.priority ?? Infinity) < (items[smallest]?.priority ?? Infinity)) smallest = l
      if ((items[r]?.priority ?? Infinity) < (items[smallest]?.priority ?? Infinity)) smallest = r
      const [a, b] = [items[i], items[smallest]]
      if (smallest === i || a === undefined || b === undefined) break
      ;[items[i], items[smallest]] = [b, a]
      i = smallest
    }
    return top.id
  }
}
