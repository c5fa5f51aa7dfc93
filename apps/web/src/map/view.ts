import type { LngLatBoundsLike, PaddingOptions } from 'maplibre-gl'

/**
 * Bounding box of 郑州市 (WGS84, from zhengzhou_city.wgs84.geojson). The map opens fitted to it:
 * at 1920×1080 that is about centre 113.5, 34.63, zoom 9, the whole municipality in view.
 */
export const CITY_BOUNDS: LngLatBoundsLike = [
  [112.7151, 34.2633],
  [114.2151, 34.9901],
]

// Panning stops about half a city away: enough to centre any district, not enough to get lost.
export const MAX_BOUNDS: LngLatBoundsLike = [
  [111.9, 33.8],
  [115.1, 35.5],
]

export const MIN_ZOOM = 7.5
export const MAX_ZOOM = 17

/** Space kept free around the city when fitting it, e.g. for a panel floating over the map. */
export type FitPadding = (size: { width: number; height: number }) => PaddingOptions

export const DEFAULT_FIT_PADDING: FitPadding = () => ({ top: 48, bottom: 48, left: 48, right: 48 })
