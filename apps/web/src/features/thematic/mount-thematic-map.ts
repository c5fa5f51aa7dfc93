import 'maplibre-gl/dist/maplibre-gl.css'
import { FONT_FAMILY_SANS, THEME_TOKENS } from '@cityops/ui'
import type { ThemeName } from '@cityops/ui'
import {
  AttributionControl,
  GeoJSONSource,
  GPUInitializationError,
  Map as MapLibreMap,
  NavigationControl,
} from 'maplibre-gl'
import type { Locale } from '../../i18n'
import { FIRST_LABEL_LAYER_ID } from '../../map/layers'
import { registerPmtilesProtocol } from '../../map/pmtiles'
import { ATTRIBUTION } from '../../map/sources'
import { buildStyle } from '../../map/style'
import type { StyleSpecification } from '../../map/style-types'
import { installMapE2eApi } from '../../map/test-hook'
import { CITY_BOUNDS, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../../map/view'
import { configureMapLibreWorker } from '../../map/worker'
import {
  FILL_OPACITY,
  THEMATIC_LAYERS,
  THEMATIC_SOURCES,
  thematicLayers,
  thematicSources,
  type LayerColors,
} from './thematic-layers'

/** What a GeoJSON source takes (maplibre-gl does not re-export the GeoJSON types). */
export type GeoJsonData = Parameters<GeoJSONSource['setData']>[0]

export type ThematicMapSettings = { theme: ThemeName; locale: Locale; label: string }

export type ThematicMapController = {
  setAreas: (areas: GeoJsonData) => void
  setFill: (expression: unknown) => void
  setPoints: (source: 'points' | 'symbols' | 'replay', data: GeoJsonData) => void
  setVisible: (layer: 'fill' | 'heat' | 'symbols', visible: boolean) => void
  onHover: (listener: (hit: { code: string; x: number; y: number } | null) => void) => void
  /** Keyboard focus on an area elsewhere (the table): ring it and report it like a hover. */
  focus: (area: { code: string; at: [number, number] } | null) => void
  /** A copy of the map's current frame (the canvas keeps its buffer for exactly this). */
  getMapImage: () => Promise<HTMLCanvasElement>
  update: (settings: ThematicMapSettings) => void
  destroy: () => void
}

const isThematic = (id: string) => id.startsWith('thematic-')

function layerColors(theme: ThemeName): LayerColors {
  const c = THEME_TOKENS[theme]
  return {
    outline: c.map.labelHalo,
    highlight: c.color.focus,
    symbol: '#e6550d',
    replay: c.color.danger,
  }
}

/** The app's offline basemap with the thematic sources, and their layers below its labels. */
function withThematic(
  style: StyleSpecification,
  sources: StyleSpecification['sources'],
  layers: StyleSpecification['layers'],
): StyleSpecification {
  const at = style.layers.findIndex((l) => l.id === FIRST_LABEL_LAYER_ID)
  const split = at < 0 ? style.layers.length : at
  return {
    ...style,
    sources: { ...style.sources, ...sources },
    layers: [...style.layers.slice(0, split), ...layers, ...style.layers.slice(split)],
  }
}

/** The thematic part of a style as drawn (GeoJSON sources carry their current data). */
const thematicPart = (style: StyleSpecification) =>
  [
    Object.fromEntries(Object.entries(style.sources).filter(([id]) => isThematic(id))),
    style.layers.filter((l) => isThematic(l.id)),
  ] as const

function frameCopy(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    const copy = () => {
      const src = map.getCanvas()
      const out = document.createElement('canvas')
      out.width = src.width
      out.height = src.height
      out.getContext('2d')?.drawImage(src, 0, 0)
      resolve(out)
    }
    if (map.loaded() && !map.isMoving()) copy()
    else map.once('idle', copy)
  })
}

export function mountThematicMap(
  container: HTMLElement,
  settings: ThematicMapSettings,
  events: { onLoad: () => void; onFailure: (message: string | null) => void },
): ThematicMapController | null {
  configureMapLibreWorker()
  registerPmtilesProtocol()
  const styleOf = (s: ThematicMapSettings) =>
    buildStyle({ theme: s.theme, locale: s.locale, labelScale: 1 })
  let map: MapLibreMap
  try {
    const style = withThematic(
      styleOf(settings),
      thematicSources(),
      thematicLayers(layerColors(settings.theme)),
    )
    map = new MapLibreMap({
      container,
      style,
      bounds: CITY_BOUNDS,
      // Room at the left for the legend that floats over the map's lower-left corner.
      fitBoundsOptions: {
        padding: { top: 24, right: 24, bottom: 24, left: container.clientWidth > 900 ? 300 : 24 },
      },
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      maxBounds: MAX_BOUNDS,
      localIdeographFontFamily: FONT_FAMILY_SANS,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // The briefing export copies the drawn frame; without this the buffer is cleared.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    })
  } catch (error) {
    events.onFailure(error instanceof GPUInitializationError ? null : String(error))
    return null
  }
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left')
  map.addControl(
    new AttributionControl({ compact: true, customAttribution: ATTRIBUTION.glyphs }),
    'bottom-right',
  )
  map.getCanvas().setAttribute('aria-label', settings.label)
  let isLoaded = false
  let uninstall: () => void = () => undefined
  map.on('load', () => {
    isLoaded = true
    uninstall = installMapE2eApi(map)
    // The sources line would cover the legend: start it folded (the ⓘ opens it).
    container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show')
    events.onLoad()
  })
  map.on('error', (e) => {
    if (!isLoaded) events.onFailure(e.error.message)
    else console.warn('[thematic map]', e.error)
  })

  let hovered: string | null = null
  let hoverListener: (hit: { code: string; x: number; y: number } | null) => void = () => undefined
  const highlight = (code: string | null) => {
    if (hovered === code) return
    if (hovered)
      map.setFeatureState({ source: THEMATIC_SOURCES.areas, id: hovered }, { hover: false })
    hovered = code
    if (code) map.setFeatureState({ source: THEMATIC_SOURCES.areas, id: code }, { hover: true })
  }
  const geojson = (id: string) => {
    const source = map.getSource(id)
    return source instanceof GeoJSONSource ? source : null
  }
  return {
    setAreas: (areas) => geojson(THEMATIC_SOURCES.areas)?.setData(areas),
    setFill: (expression) =>
      map.setPaintProperty(THEMATIC_LAYERS.fill, 'fill-color', expression as string),
    setPoints: (source, data) => geojson(THEMATIC_SOURCES[source])?.setData(data),
    setVisible: (layer, visible) => {
      // A hidden fill stays transparent rather than off, so hovering still finds the areas.
      if (layer === 'fill')
        map.setPaintProperty(THEMATIC_LAYERS.fill, 'fill-opacity', visible ? FILL_OPACITY : 0)
      else map.setLayoutProperty(THEMATIC_LAYERS[layer], 'visibility', visible ? 'visible' : 'none')
    },
    focus: (area) => {
      highlight(area?.code ?? null)
      if (!area) return hoverListener(null)
      const p = map.project(area.at)
      hoverListener({ code: area.code, x: p.x, y: p.y })
    },
    onHover: (listener) => {
      hoverListener = listener
      map.on('mousemove', THEMATIC_LAYERS.fill, (e) => {
        const code: unknown = e.features?.[0]?.properties.code
        if (typeof code !== 'string') return
        highlight(code)
        listener({ code, x: e.point.x, y: e.point.y })
      })
      map.on('mouseleave', THEMATIC_LAYERS.fill, () => {
        highlight(null)
        listener(null)
      })
    },
    getMapImage: () => frameCopy(map),
    update: (next) => {
      // Keep the thematic sources (with their data) and layers across the restyle.
      map.setStyle(styleOf(next), {
        diff: true,
        transformStyle: (previous, style) =>
          previous ? withThematic(style, ...thematicPart(previous)) : style,
      })
      map.getCanvas().setAttribute('aria-label', next.label)
      const c = layerColors(next.theme)
      map.once('styledata', () => {
        map.setPaintProperty(THEMATIC_LAYERS.outline, 'line-color', c.outline)
        map.setPaintProperty(THEMATIC_LAYERS.highlight, 'line-color', c.highlight)
      })
    },
    destroy: () => {
      uninstall()
      map.remove()
    },
  }
}
