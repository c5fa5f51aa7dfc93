import { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { LIVE_SOURCE_IDS, liveLayers, liveSources } from '../src/map/live-layers'
import type { StyleSpecification } from '../src/map/style-types'
import { CITY_BOUNDS, DEFAULT_FIT_PADDING } from '../src/map/view'
import { configureMapLibreWorker } from '../src/map/worker'

const UNITS = LIVE_SOURCE_IDS.units

/** The wall's real units source and layers on a plain background: the update path, no basemap. */
function unitsStyle(): StyleSpecification {
  const source = liveSources()[UNITS]
  if (!source) throw new Error(`no live source ${UNITS}`)
  const layers = liveLayers({ theme: 'wall', labelScale: 1 }).filter(
    (l) => 'source' in l && l.source === UNITS,
  )
  return {
    version: 8,
    glyphs: `${window.location.origin}/basemap/fonts/{fontstack}/{range}.pbf`,
    sources: { [UNITS]: source },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0B1426' } },
      ...layers,
    ],
  }
}

/** A full-page map fitted to the city, as the wall opens; resolves once its style has loaded. */
export async function createBenchMap(container: HTMLElement): Promise<MapLibreMap> {
  configureMapLibreWorker()
  const map = new MapLibreMap({
    container,
    style: unitsStyle(),
    bounds: CITY_BOUNDS,
    fitBoundsOptions: {
      padding: DEFAULT_FIT_PADDING({
        width: container.clientWidth,
        height: container.clientHeight,
      }),
    },
    attributionControl: false,
  })
  await new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve())
    map.once('error', (e) => reject(e.error))
  })
  return map
}

export function unitsSource(map: MapLibreMap): GeoJSONSource {
  const source = map.getSource(UNITS)
  if (!(source instanceof GeoJSONSource)) throw new Error(`no GeoJSON source ${UNITS}`)
  return source
}

/** Resolves at the next `idle`: data loaded, tiles parsed, nothing left to draw. */
export function nextIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve())
    map.triggerRepaint()
  })
}

export const drawnUnits = (map: MapLibreMap) =>
  map.queryRenderedFeatures({ layers: ['live-units-circle'] }).length

/** The WebGL renderer the page gets (on a machine without a GPU: SwiftShader). */
export function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2')
  if (!gl) return 'no WebGL2'
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
}
