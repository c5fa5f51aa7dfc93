import type { LiveEvent } from '@cityops/domain'
import { dataTimeOf, reduceEvent, type LiveFeature, type MapTopic } from './live-feature'

export interface LayerSnapshot {
  seq: number
  features: { id: string; geometry: unknown; properties: Record<string, unknown> }[]
}

/** What changed since the last frame: a full reset (snapshot) or upserts and removals. */
export interface LayerChanges {
  reset: boolean
  upserts: LiveFeature[]
  removes: string[]
}

const TIME_PROPERTIES = ['observedAt', 'updatedAt', 'reportedAt'] as const

/**
 * One map layer's current state: loaded from a snapshot consistent with `seq`, then moved on
 * by the events after it. Changes accumulate until the next animation frame takes them, so a
 * thousand events a second cost one source update per frame.
 */
export class LayerState {
  readonly features = new Map<string, LiveFeature>()
  seq = 0
  loaded = false
  /** Newest data time seen (ms since epoch), for the freshness badge. */
  newestDataAt: number | null = null
  private reset = false
  private upserted = new Set<string>()
  private removed = new Set<string>()

  constructor(readonly topic: MapTopic) {}

  load(snapshot: LayerSnapshot) {
    this.features.clear()
    this.newestDataAt = null
    for (const f of snapshot.features) {
      const version = typeof f.properties.version === 'number' ? f.properties.version : undefined
      const feature: LiveFeature = {
        type: 'Feature',
        id: f.id,
        geometry: f.geometry as LiveFeature['geometry'],
        properties: { ...f.properties, id: f.id, version },
      }
      this.features.set(f.id, feature)
      this.noteTime(newestTimeOf(feature))
    }
    this.seq = snapshot.seq
    this.loaded = true
    this.reset = true
    this.upserted.clear()
    this.removed.clear()
  }

  /** Applies one event; events at or before the snapshot's seq are already in it. */
  apply(event: LiveEvent): boolean {
    if (!this.loaded || event.seq <= this.seq) return false
    const existing = this.features.get(event.id)
    const r = reduceEvent(this.topic, event, existing)
    if (!r) return false
    if (r.kind === 'remove') {
      if (!existing) return false
      this.features.delete(event.id)
      this.upserted.delete(event.id)
      this.removed.add(event.id)
    } else {
      this.features.set(event.id, r.feature)
      this.removed.delete(event.id)
      this.upserted.add(event.id)
    }
    this.noteTime(dataTimeOf(event))
    return true
  }

  get dirty() {
    return this.reset || this.upserted.size > 0 || this.removed.size > 0
  }

  takeChanges(): LayerChanges {
    const changes: LayerChanges = {
      reset: this.reset,
      upserts: this.reset ? [] : [...this.upserted].flatMap((id) => this.features.get(id) ?? []),
      removes: this.reset ? [] : [...this.removed],
    }
    this.reset = false
    this.upserted.clear()
    this.removed.clear()
    return changes
  }

  collection() {
    return { type: 'FeatureCollection' as const, features: [...this.features.values()] }
  }

  private noteTime(t: number | null) {
    if (t !== null && Number.isFinite(t) && (this.newestDataAt === null || t > this.newestDataAt))
      this.newestDataAt = t
  }
}

function newestTimeOf(f: LiveFeature): number | null {
  let newest: number | null = null
  for (const key of TIME_PROPERTIES) {
    const v = f.properties[key]
    const t = typeof v === 'string' ? Date.parse(v) : Number.NaN
    if (Number.isFinite(t) && (newest === null || t > newest)) newest = t
  }
  return newest
}
