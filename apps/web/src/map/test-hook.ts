import { GeoJSONSource } from 'maplibre-gl'
import type { Map as MapLibreMap } from 'maplibre-gl'

/**
 * Read-only test hook for Playwright (the map is a canvas). Present once the map has loaded.
 * Usage: `await page.waitForFunction(() => window.__cityops?.map)`, then
 * `await page.evaluate(() => window.__cityops?.map.waitForIdle())`.
 */
export type CityopsMapE2eApi = {
  /** Resolves when the style, sources and tiles are loaded and nothing is animating. */
  waitForIdle(): Promise<void>
  /** Features of a layer currently drawn in the viewport (0 for an unknown layer). */
  renderedFeatureCount(layerId: string): number
  /** Features in a GeoJSON source's data (0 for an unknown or non-GeoJSON source). */
  sourceFeatureCount(sourceId: string): Promise<number>
  /** Ids of all style layers, bottom to top. */
  layerIds(): string[]
}

/** What the live layers have drawn: for e2e and for the start-up benchmark (B5). */
export type CityopsLiveE2eApi = {
  /** Highest event seq whose change has been handed to the map sources; null before any. */
  drawnSeq: number | null
  /** performance.now() when the first live event (not a snapshot) reached the map. */
  firstEventDrawnAt: number | null
  /** Renders features of one live source by id, e.g. to find an incident made by a test. */
  hasFeature(sourceId: string, id: string): boolean
}

export type CityopsE2eApi = { map: CityopsMapE2eApi; live?: CityopsLiveE2eApi }

declare global {
  interface Window {
    __cityops?: CityopsE2eApi
  }
}

function waitForIdle(map: MapLibreMap): Promise<void> {
  if (map.loaded() && !map.isMoving()) return Promise.resolve()
  return new Promise((resolve) => {
    map.once('idle', () => resolve())
    map.triggerRepaint()
  })
}

async function sourceFeatureCount(map: MapLibreMap, sourceId: string): Promise<number> {
  const source = map.getSource(sourceId)
  if (!(source instanceof GeoJSONSource)) return 0
  const data = await source.getData()
  if (data.type === 'FeatureCollection') return data.features.length
  return data.type === 'Feature' ? 1 : 0
}

export function createMapE2eApi(map: MapLibreMap): CityopsMapE2eApi {
  return {
    waitForIdle: () => waitForIdle(map),
    renderedFeatureCount: (layerId) =>
      map.getLayer(layerId) ? map.queryRenderedFeatures({ layers: [layerId] }).length : 0,
    sourceFeatureCount: (sourceId) => sourceFeatureCount(map, sourceId),
    layerIds: () => map.getStyle().layers.map((layer) => layer.id),
  }
}

/** Installs the hook for this map; the returned function removes it if it is still ours. */
export function installMapE2eApi(map: MapLibreMap): () => void {
  const api: CityopsE2eApi = { map: createMapE2eApi(map) }
  window.__cityops = api
  return () => {
    if (window.__cityops === api) delete window.__cityops
  }
}
