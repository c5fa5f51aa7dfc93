import { MAP_TOPICS, type MapTopic } from '../../live/live-feature'
import type { MapView } from '../../map/mount-map'

/** What a wall's link restores: the camera, the hidden layers, kiosk mode and its tour. */
export interface WallUrlState {
  view: MapView | null
  hidden: MapTopic[]
  kiosk: boolean
  /** Seconds per stop of the kiosk auto-tour; null = no tour. */
  tour: number | null
}

const num = (v: string | null) => (v === null || v.trim() === '' ? Number.NaN : Number(v))

export function parseWallUrl(search: string): WallUrlState {
  const q = new URLSearchParams(search)
  const [lng, lat] = (q.get('c') ?? '').split(',').map((x) => num(x))
  const zoom = num(q.get('z'))
  const view =
    lng !== undefined &&
    lat !== undefined &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    Number.isFinite(zoom) &&
    Math.abs(lng) <= 180 &&
    Math.abs(lat) <= 90
      ? { center: [lng, lat] as [number, number], zoom: Math.min(20, Math.max(0, zoom)) }
      : null
  const hidden = (q.get('hide') ?? '')
    .split(',')
    .filter((t): t is MapTopic => (MAP_TOPICS as readonly string[]).includes(t))
  const tourSeconds = num(q.get('tour'))
  return {
    view,
    hidden: [...new Set(hidden)],
    kiosk: q.get('kiosk') === '1',
    tour: Number.isFinite(tourSeconds) && tourSeconds >= 5 ? Math.min(tourSeconds, 3600) : null,
  }
}

/** The search string for a state, keeping parameters this module does not own. */
export function wallSearch(current: string, state: Partial<WallUrlState>): string {
  const q = new URLSearchParams(current)
  if (state.view) {
    q.set('c', state.view.center.map((x) => x.toFixed(5)).join(','))
    q.set('z', state.view.zoom.toFixed(2))
  }
  if (state.hidden) {
    const hidden = MAP_TOPICS.filter((t) => state.hidden?.includes(t))
    if (hidden.length) q.set('hide', hidden.join(','))
    else q.delete('hide')
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}
