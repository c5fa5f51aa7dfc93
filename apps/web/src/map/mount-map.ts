import 'maplibre-gl/dist/maplibre-gl.css'
import { FONT_FAMILY_SANS } from '@cityops/ui'
import type { ThemeName } from '@cityops/ui'
import {
  AttributionControl,
  GPUInitializationError,
  Map as MapLibreMap,
  NavigationControl,
} from 'maplibre-gl'
import type { Locale } from '../i18n'
import { installMapE2eApi } from './test-hook'
import { ATTRIBUTION } from './sources'
import { buildStyle, externalStyleUrl, overlayTransform } from './style'
import { CITY_BOUNDS, DEFAULT_FIT_PADDING, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from './view'
import type { FitPadding } from './view'
import { configureMapLibreWorker } from './worker'

export type MapUiLabels = { map: string; zoomIn: string; zoomOut: string; attribution: string }
export type MapViewSettings = { theme: ThemeName; locale: Locale; labels: MapUiLabels }
export type MapFailure = { kind: 'webgl' } | { kind: 'load'; message: string }

export type MountMapOptions = MapViewSettings & {
  fitPadding?: FitPadding
  onLoad: () => void
  /** Init failures only: no WebGL2, or an error before the first `load`. */
  onFailure: (failure: MapFailure) => void
}

export type MapController = {
  update: (settings: MapViewSettings) => void
  destroy: () => void
}

// Wall labels grow with the screen (a 4K wall at device pixel ratio 1 gets twice the size).
const labelScale = (theme: ThemeName) =>
  theme === 'wall' ? Math.max(1, Math.min(2, window.innerWidth / 1920)) : 1

function applyStyle(map: MapLibreMap, { theme, locale }: MapViewSettings): void {
  const options = { theme, locale, labelScale: labelScale(theme) }
  const url = externalStyleUrl()
  if (url) map.setStyle(url, { transformStyle: overlayTransform(options) })
  else map.setStyle(buildStyle(options), { diff: true })
}

// MapLibre only reads its UI strings at construction; relabel the controls on a language switch.
function localizeControls(map: MapLibreMap, labels: MapUiLabels): void {
  map.getCanvas().setAttribute('aria-label', labels.map)
  const container = map.getContainer()
  const relabel = (selector: string, text: string) => {
    for (const el of container.querySelectorAll(selector)) {
      el.setAttribute('title', text)
      el.setAttribute('aria-label', text)
    }
  }
  relabel('.maplibregl-ctrl-zoom-in', labels.zoomIn)
  relabel('.maplibregl-ctrl-zoom-out', labels.zoomOut)
  relabel('.maplibregl-ctrl-attrib-button', labels.attribution)
}

function createMap(container: HTMLElement, settings: MountMapOptions): MapLibreMap {
  const url = externalStyleUrl()
  const options = {
    theme: settings.theme,
    locale: settings.locale,
    labelScale: labelScale(settings.theme),
  }
  const map = new MapLibreMap({
    container,
    style: url ?? buildStyle(options),
    transformStyle: url ? overlayTransform(options) : undefined,
    bounds: CITY_BOUNDS,
    fitBoundsOptions: {
      padding: (settings.fitPadding ?? DEFAULT_FIT_PADDING)({
        width: container.clientWidth,
        height: container.clientHeight,
      }),
    },
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    maxBounds: MAX_BOUNDS,
    // CJK glyphs are not in the PBFs: draw them with the local system font (no download).
    localIdeographFontFamily: FONT_FAMILY_SANS,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    locale: {
      'Map.Title': settings.labels.map,
      'NavigationControl.ZoomIn': settings.labels.zoomIn,
      'NavigationControl.ZoomOut': settings.labels.zoomOut,
      'AttributionControl.ToggleAttribution': settings.labels.attribution,
    },
  })
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left')
  map.addControl(
    new AttributionControl({ compact: false, customAttribution: ATTRIBUTION.glyphs }),
    'bottom-left',
  )
  return map
}

const NOOP_CONTROLLER: MapController = { update: () => undefined, destroy: () => undefined }

/** Creates the map in `container`; the controller restyles it in place and tears it down. */
export function mountMap(container: HTMLElement, options: MountMapOptions): MapController {
  configureMapLibreWorker()
  let map: MapLibreMap
  try {
    map = createMap(container, options)
  } catch (error) {
    options.onFailure(
      error instanceof GPUInitializationError
        ? { kind: 'webgl' }
        : { kind: 'load', message: error instanceof Error ? error.message : String(error) },
    )
    return NOOP_CONTROLLER
  }

  let isLoaded = false
  let uninstallE2eApi: () => void = () => undefined
  map.on('load', () => {
    isLoaded = true
    uninstallE2eApi = installMapE2eApi(map)
    options.onLoad()
  })
  map.on('error', (event) => {
    if (!isLoaded) options.onFailure({ kind: 'load', message: event.error.message })
    else console.warn('[map]', event.error)
  })
  localizeControls(map, options.labels)

  return {
    update: (settings) => {
      applyStyle(map, settings)
      localizeControls(map, settings.labels)
    },
    destroy: () => {
      uninstallE2eApi()
      map.remove()
    },
  }
}
