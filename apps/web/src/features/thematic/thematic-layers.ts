import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from '../../map/style-types'

// The thematic map's sources and layers, as typed data (like map/layers.ts). They sit above
// the basemap's fills and below its labels, so district and township names stay readable.

export const THEMATIC_SOURCES = {
  areas: 'thematic-areas',
  points: 'thematic-points',
  symbols: 'thematic-symbols',
  replay: 'thematic-replay',
} as const

export const THEMATIC_LAYERS = {
  fill: 'thematic-fill',
  outline: 'thematic-outline',
  highlight: 'thematic-highlight',
  heat: 'thematic-heat',
  symbols: 'thematic-symbols',
  replay: 'thematic-replay',
} as const

export const FILL_OPACITY = 0.82

const EMPTY = { type: 'FeatureCollection', features: [] } as const

export function thematicSources(): StyleSpecification['sources'] {
  return {
    // promoteId: the hover highlight keys feature-state by the area code.
    [THEMATIC_SOURCES.areas]: { type: 'geojson', data: EMPTY, promoteId: 'code' },
    [THEMATIC_SOURCES.points]: { type: 'geojson', data: EMPTY },
    [THEMATIC_SOURCES.symbols]: { type: 'geojson', data: EMPTY },
    [THEMATIC_SOURCES.replay]: { type: 'geojson', data: EMPTY },
  }
}

/** `match` on the area code: each area's class colour, the no-data grey otherwise. */
export function fillColor(colors: ReadonlyMap<string, string>, fallback: string) {
  if (colors.size === 0) return fallback
  const pairs = [...colors].flatMap(([code, color]) => [code, color])
  return ['match', ['get', 'code'], ...pairs, fallback] as unknown as ExpressionSpecification
}

export type LayerColors = { outline: string; highlight: string; symbol: string; replay: string }

export function thematicLayers(c: LayerColors): LayerSpecification[] {
  const isHover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false]
  return [
    {
      id: THEMATIC_LAYERS.fill,
      type: 'fill',
      source: THEMATIC_SOURCES.areas,
      paint: { 'fill-color': '#bdbdbd', 'fill-opacity': FILL_OPACITY },
    },
    {
      id: THEMATIC_LAYERS.outline,
      type: 'line',
      source: THEMATIC_SOURCES.areas,
      paint: { 'line-color': c.outline, 'line-width': 0.8, 'line-opacity': 0.9 },
    },
    {
      id: THEMATIC_LAYERS.heat,
      type: 'heatmap',
      source: THEMATIC_SOURCES.points,
      layout: { visibility: 'none' },
      paint: {
        'heatmap-weight': ['coalesce', ['get', 'weight'], 1],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 14, 2],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 18, 14, 40],
        'heatmap-opacity': 0.85,
        // ColorBrewer YlOrRd: light to dark with density, readable on both themes.
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0,
          'rgba(255,255,178,0)',
          0.2,
          '#fecc5c',
          0.45,
          '#fd8d3c',
          0.7,
          '#f03b20',
          1,
          '#bd0026',
        ],
      },
    },
    {
      id: THEMATIC_LAYERS.symbols,
      type: 'circle',
      source: THEMATIC_SOURCES.symbols,
      layout: { visibility: 'none', 'circle-sort-key': ['-', 0, ['get', 'radius']] },
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['coalesce', ['get', 'color'], c.symbol],
        'circle-opacity': 0.72,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    {
      id: THEMATIC_LAYERS.highlight,
      type: 'line',
      source: THEMATIC_SOURCES.areas,
      paint: {
        'line-color': c.highlight,
        'line-width': ['case', isHover, 3, 0],
      },
    },
    {
      id: THEMATIC_LAYERS.replay,
      type: 'circle',
      source: THEMATIC_SOURCES.replay,
      paint: {
        'circle-radius': 5,
        'circle-color': ['coalesce', ['get', 'color'], c.replay],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  ]
}
