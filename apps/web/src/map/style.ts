import type { ThemeName } from '@cityops/ui'
import type { TransformStyleFunction } from 'maplibre-gl'
import { backgroundLayer, buildLayers } from './layers'
import type { LayerOptions, LiveLayerSlots } from './layers'
import { liveLayers, liveSources } from './live-layers'
import { assetUrl, BASEMAP_BASE, buildSources } from './sources'
import type { LayerSpecification, StyleSpecification } from './style-types'

const SPRITES: Record<ThemeName, string> = {
  wall: `${BASEMAP_BASE}/sprites/protomaps-v4/dark`,
  desk: `${BASEMAP_BASE}/sprites/protomaps-v4/light`,
}

function liveSlots(options: LayerOptions): LiveLayerSlots {
  const layers = liveLayers({ theme: options.theme, labelScale: options.labelScale ?? 1 })
  const onTop = (id: string) => id.startsWith('live-incidents')
  return {
    underLabels: layers.filter((l) => !onTop(l.id)),
    onTop: layers.filter((l) => onTop(l.id)),
  }
}

/** The built-in, fully offline style: local GeoJSON, glyphs and sprites only. */
export function buildStyle(options: LayerOptions): StyleSpecification {
  return {
    version: 8,
    name: `cityops-${options.theme}`,
    // `{fontstack}` folders contain spaces; MapLibre URL-encodes them.
    glyphs: assetUrl(`${BASEMAP_BASE}/fonts/{fontstack}/{range}.pbf`),
    sprite: assetUrl(SPRITES[options.theme]),
    sources: { ...rasterBasemapSource(), ...buildSources(), ...liveSources() },
    layers: [
      backgroundLayer(options.theme),
      ...rasterBasemapLayer(),
      ...buildLayers(
        { ...options, overBasemap: rasterTilesUrl() !== undefined },
        liveSlots(options),
      ),
    ],
  }
}

/**
 * For an external basemap (VITE_BASEMAP_STYLE_URL): keep its style and put our sources and
 * layers on top. Layer and source ids are ours, so they must not clash with the basemap's.
 */
export function overlayTransform(options: LayerOptions): TransformStyleFunction {
  return (_previous, next) => ({
    ...next,
    sources: { ...next.sources, ...buildSources(), ...liveSources() },
    layers: [...next.layers, ...buildLayers({ ...options, overBasemap: true }, liveSlots(options))],
  })
}

/**
 * A MapLibre style URL from the build environment replaces the built-in basemap (e.g. a
 * self-hosted PMTiles style). It must be same-origin or otherwise reachable offline.
 */
export function externalStyleUrl(): string | undefined {
  const url = import.meta.env.VITE_BASEMAP_STYLE_URL
  return url && url.trim() !== '' ? url.trim() : undefined
}

/**
 * An XYZ or WMTS (KVP GetTile with {z}/{x}/{y}) raster tile service drawn under our layers:
 * a city GIS or 天地图 (CGCS2000 ≈ WGS84). Tiles in GCJ-02 (AutoNavi, Tencent) would sit a few
 * hundred metres off our WGS84 data and must not be used.
 */
export function rasterTilesUrl(): string | undefined {
  const url = import.meta.env.VITE_BASEMAP_TILES_URL
  return url && url.trim() !== '' ? url.trim() : undefined
}

function rasterBasemapSource(): StyleSpecification['sources'] {
  const url = rasterTilesUrl()
  if (!url) return {}
  return {
    'basemap-raster': {
      type: 'raster',
      tiles: [url],
      tileSize: 256,
      attribution: import.meta.env.VITE_BASEMAP_ATTRIBUTION ?? '',
    },
  }
}

function rasterBasemapLayer(): LayerSpecification[] {
  return rasterTilesUrl()
    ? [{ id: 'basemap-raster', type: 'raster', source: 'basemap-raster' }]
    : []
}
