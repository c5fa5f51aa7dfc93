import type { ReplayItem } from '@cityops/domain'
import type { FactPoint } from '../../api/analytics'
import { MAX_SYMBOL_RADIUS, symbolRadius } from './area-points'
import type { MapPoint } from './thematic-map'
import type { ThematicModel } from './thematic-model'

const INCREASE = '#8073ac'
const DECREASE = '#e08214'

/**
 * Heat: the incident or case points of the window when the indicator has them; otherwise
 * (environment, traffic, or the points failed) the area values at the areas' centres.
 */
export function heatPoints(
  facts: readonly FactPoint[] | undefined,
  model: ThematicModel | null,
  labels: ReadonlyMap<string, [number, number]>,
): MapPoint[] {
  if (facts) return facts.map((f) => ({ coordinates: f.coordinates, properties: { weight: 1 } }))
  if (!model) return []
  const max = Math.max(0, ...model.areas.map((a) => Math.abs(a.mapped ?? 0)))
  return model.areas.flatMap((a) => {
    const at = labels.get(a.code)
    if (!at || a.mapped === null || max === 0) return []
    return [{ coordinates: at, properties: { weight: Math.abs(a.mapped) / max } }]
  })
}

/** Circles at the areas' centres, area ∝ |value|; in compare mode purple up, orange down. */
export function symbolPoints(
  model: ThematicModel | null,
  labels: ReadonlyMap<string, [number, number]>,
): MapPoint[] {
  if (!model) return []
  const max = Math.max(0, ...model.areas.map((a) => Math.abs(a.mapped ?? 0)))
  return model.areas.flatMap((a) => {
    const at = labels.get(a.code)
    if (!at || a.mapped === null) return []
    const radius = symbolRadius(Math.abs(a.mapped), max)
    const color = model.isCompare ? (a.mapped >= 0 ? INCREASE : DECREASE) : undefined
    return radius > 0 ? [{ coordinates: at, properties: { code: a.code, radius, color } }] : []
  })
}

/** Three reference circles for the size legend: the largest value, a half and a tenth of it. */
export function sizeSteps(model: ThematicModel | null): { value: number; radius: number }[] {
  if (!model) return []
  const max = Math.max(0, ...model.areas.map((a) => Math.abs(a.mapped ?? 0)))
  if (max === 0) return []
  return [1, 0.5, 0.1].map((f) => ({ value: max * f, radius: MAX_SYMBOL_RADIUS * Math.sqrt(f) }))
}

const REPLAY_COLORS: Record<ReplayItem['kind'], string> = {
  'incident.reported': '#d32f2f',
  'case.reported': '#1565c0',
  decision: '#6a1b9a',
}

/** The time machine's items that have a place, coloured by kind. */
export function replayPoints(items: readonly ReplayItem[]): MapPoint[] {
  return items.flatMap((item) =>
    item.position
      ? [{ coordinates: item.position, properties: { color: REPLAY_COLORS[item.kind] } }]
      : [],
  )
}
