import 'maplibre-gl/dist/maplibre-gl.css'
import { FONT_FAMILY_SANS } from '@cityops/ui'
import type { ThemeName } from '@cityops/ui'
import {
  AttributionControl,
  GPUInitializationError,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
} from 'maplibre-gl'
import type { Locale } from '../i18n'
import type { LiveFeed } from '../live/live-feed'
import { MAP_TOPICS, type MapTopic } from '../live/live-feature'
import { createDeskPoints, type DeskPoint } from './desk-points'
import { LIVE_LAYER_IDS } from './live-layers'
import { syncLiveSources } from './live-source-sync'
import { registerPmtilesProtocol } from './pmtiles'
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
  /** Start here instead of fitting the city (a wall restored from its link). */
  initialView?: MapView | null
  onLoad: () => void
  /** Init failures only: no WebGL2, or an error before the first `load`. */
  onFailure: (failure: MapFailure) => void
}

export type MapView = { center: [number, number]; zoom: number }

export type MapController = {
  update: (settings: MapViewSettings) => void
  destroy: () => void
  /** Draws the feed's layers from now on (after the map has loaded). */
  attachLive: (feed: LiveFeed) => void
  setTopicVisible: (topic: MapTopic, visible: boolean) => void
  /** A click on a live feature (topmost first). */
  onFeatureClick: (listener: (hit: { topic: MapTopic; id: string }) => void) => void
  onViewChange: (listener: (view: MapView) => void) => void
  flyTo: (view: MapView) => void
  /** Incidents with an unacknowledged alarm: they pulse until acknowledged. */
  setAlarms: (alarms: readonly AlarmMark[]) => void
  /** A desk's own list of cases (not the live layers), the open one ringed. */
  setDeskPoints: (points: readonly DeskPoint[]) => void
  onDeskPointClick: (listener: (id: string) => void) => void
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
    ...(settings.initialView
      ? { center: settings.initialView.center, zoom: settings.initialView.zoom }
      : {
          bounds: CITY_BOUNDS,
          fitBoundsOptions: {
            padding: (settings.fitPadding ?? DEFAULT_FIT_PADDING)({
              width: container.clientWidth,
              height: container.clientHeight,
            }),
          },
        }),
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

const NOOP_CONTROLLER: MapController = {
  update: () => undefined,
  destroy: () => undefined,
  attachLive: () => undefined,
  setTopicVisible: () => undefined,
  onFeatureClick: () => undefined,
  onViewChange: () => undefined,
  flyTo: () => undefined,
  setAlarms: () => undefined,
  setDeskPoints: () => undefined,
  onDeskPointClick: () => undefined,
}

const topicOfLayer = (layerId: string): MapTopic | undefined =>
  MAP_TOPICS.find((t) => (LIVE_LAYER_IDS[t] as readonly string[]).includes(layerId))

/** Creates the map in `container`; the controller restyles it in place and tears it down. */
export function mountMap(container: HTMLElement, options: MountMapOptions): MapController {
  configureMapLibreWorker()
  registerPmtilesProtocol()
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
  let live: ReturnType<typeof syncLiveSources> | null = null
  let pendingFeed: LiveFeed | null = null
  const hidden = new Set<MapTopic>()
  const applyVisibility = () => {
    for (const topic of MAP_TOPICS)
      for (const id of LIVE_LAYER_IDS[topic])
        if (map.getLayer(id))
          map.setLayoutProperty(id, 'visibility', hidden.has(topic) ? 'none' : 'visible')
  }
  map.on('load', () => {
    isLoaded = true
    uninstallE2eApi = installMapE2eApi(map)
    applyVisibility()
    if (pendingFeed) live = syncLiveSources(map, pendingFeed)
    options.onLoad()
  })
  map.on('style.load', applyVisibility)
  map.on('error', (event) => {
    if (!isLoaded) options.onFailure({ kind: 'load', message: event.error.message })
    else console.warn('[map]', event.error)
  })
  localizeControls(map, options.labels)

  const pulse = createAlarmMarkers(map)
  const deskPoints = createDeskPoints(map)
  map.on('remove', () => pulse.stop())
  const liveLayerIds: string[] = MAP_TOPICS.flatMap((t) => [...LIVE_LAYER_IDS[t]])
  return {
    update: (settings) => {
      applyStyle(map, settings)
      localizeControls(map, settings.labels)
      applyVisibility()
      live?.refill()
      deskPoints.refill()
    },
    destroy: () => {
      live?.stop()
      uninstallE2eApi()
      map.remove()
    },
    attachLive: (feed) => {
      live?.stop()
      pendingFeed = feed
      if (isLoaded) live = syncLiveSources(map, feed)
    },
    setTopicVisible: (topic, visible) => {
      if (visible) hidden.delete(topic)
      else hidden.add(topic)
      applyVisibility()
    },
    onFeatureClick: (listener) => {
      map.on('click', (e) => {
        const layers = liveLayerIds.filter((id) => map.getLayer(id))
        for (const f of map.queryRenderedFeatures(e.point, { layers })) {
          const topic = topicOfLayer(f.layer.id)
          const id = f.properties.id
          if (topic && typeof id === 'string') return listener({ topic, id })
        }
      })
      for (const id of liveLayerIds) {
        map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'))
        map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''))
      }
    },
    onViewChange: (listener) => {
      map.on('moveend', () => {
        const c = map.getCenter()
        listener({ center: [c.lng, c.lat], zoom: map.getZoom() })
      })
    },
    flyTo: (view) => map.flyTo({ center: view.center, zoom: view.zoom, essential: true }),
    setAlarms: (alarms) => pulse.set(alarms),
    setDeskPoints: (points) => deskPoints.set(points),
    onDeskPointClick: (listener) => deskPoints.onClick(listener),
  }
}

export type AlarmMark = { id: string; location: [number, number]; grade: string }

/**
 * Alarmed incidents pulse until acknowledged. There are only ever a few, so each is a DOM
 * marker animated by CSS: the map itself does not repaint for it (and still reaches "idle").
 */
function createAlarmMarkers(map: MapLibreMap) {
  const markers = new Map<string, Marker>()
  return {
    set(alarms: readonly AlarmMark[]) {
      const next = new Set(alarms.map((a) => a.id))
      for (const [id, marker] of markers)
        if (!next.has(id)) {
          marker.remove()
          markers.delete(id)
        }
      for (const a of alarms) {
        if (markers.has(a.id)) continue
        const el = document.createElement('div')
        el.className = 'map-alarm-pulse'
        el.dataset.grade = a.grade
        el.dataset.testid = 'map-alarm'
        markers.set(a.id, new Marker({ element: el }).setLngLat(a.location).addTo(map))
      }
    },
    stop() {
      for (const m of markers.values()) m.remove()
      markers.clear()
    },
  }
}
