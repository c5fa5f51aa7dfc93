import { DISTRICTS } from '@cityops/domain'
import { THEME_TOKENS } from '@cityops/ui'
import type { ThemeName } from '@cityops/ui'
import type { Locale } from '../i18n'
import { SOURCE_IDS } from './sources'
import type { ExpressionSpecification, LayerSpecification } from './style-types'

/** Layer ids: stable API for e2e tests and for later feature layers that insert below labels. */
export const LAYER_IDS = {
  background: 'background',
  districtsFill: 'districts-fill',
  townshipsLine: 'townships-line',
  riversLine: 'rivers-line',
  roadsLine: 'roads-line',
  districtsLine: 'districts-line',
  cityLine: 'city-line',
  metroLines: 'metro-lines',
  metroStations: 'metro-stations',
  aqiStations: 'aqi-stations',
  townshipsLabel: 'townships-label',
  metroStationsLabel: 'metro-stations-label',
  aqiStationsLabel: 'aqi-stations-label',
  districtsLabel: 'districts-label',
} as const
export type LayerId = (typeof LAYER_IDS)[keyof typeof LAYER_IDS]

/** Live layers added later (incidents, units) go below this one so labels stay on top. */
export const FIRST_LABEL_LAYER_ID: LayerId = LAYER_IDS.townshipsLabel

// Latin glyphs come from these local PBF font stacks; CJK is drawn with the local system font.
const FONT_REGULAR = ['Noto Sans Regular']
const FONT_MEDIUM = ['Noto Sans Medium']

const DISTRICT_NAMES_EN: Readonly<Record<string, string>> = Object.fromEntries(
  DISTRICTS.map((d) => [d.code, d.nameEn]),
)

function districtLabel(locale: Locale): ExpressionSpecification {
  if (locale === 'zh-CN') return ['get', 'name']
  return ['coalesce', ['get', ['get', 'adcode'], ['literal', DISTRICT_NAMES_EN]], ['get', 'name']]
}

// The township file's `name` is null where the code no longer matches NBS 2023.
const TOWNSHIP_LABEL: ExpressionSpecification = [
  'coalesce',
  ['get', 'name'],
  ['get', 'name_source'],
]

export type LayerOptions = {
  theme: ThemeName
  locale: Locale
  /** Label size multiplier, e.g. 2 on a 4K wall at device pixel ratio 1. */
  labelScale?: number
  /** Over an external basemap the district fill is translucent so the basemap shows. */
  overBasemap?: boolean
}

function areaLayers({ theme, overBasemap }: LayerOptions): LayerSpecification[] {
  const c = THEME_TOKENS[theme].map
  return [
    {
      id: LAYER_IDS.districtsFill,
      type: 'fill',
      source: SOURCE_IDS.districts,
      paint: { 'fill-color': c.districtFill, 'fill-opacity': overBasemap ? 0.25 : 0.92 },
    },
    {
      id: LAYER_IDS.townshipsLine,
      type: 'line',
      source: SOURCE_IDS.townships,
      minzoom: 9,
      paint: {
        'line-color': c.townshipLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 13, 1.2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: LAYER_IDS.riversLine,
      type: 'line',
      source: SOURCE_IDS.rivers,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': c.river,
        'line-width': ['match', ['get', 'gshhg_level'], [1, 2], 2, 1.2],
      },
    },
  ]
}

function networkLayers({ theme }: LayerOptions): LayerSpecification[] {
  const c = THEME_TOKENS[theme].map
  return [
    {
      id: LAYER_IDS.roadsLine,
      type: 'line',
      source: SOURCE_IDS.roads,
      // Express and variant chords duplicate the stop-to-stop links; keep the finest path.
      filter: ['==', ['get', 'skips_stops'], false],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': c.road,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 12, 1.2, 15, 3],
      },
    },
    {
      id: LAYER_IDS.districtsLine,
      type: 'line',
      source: SOURCE_IDS.districts,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2.5],
      },
    },
    {
      id: LAYER_IDS.cityLine,
      type: 'line',
      source: SOURCE_IDS.city,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.cityLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 12, 4],
      },
    },
    {
      id: LAYER_IDS.metroLines,
      type: 'line',
      source: SOURCE_IDS.metroLines,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['to-color', ['get', 'color'], c.cityLine],
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 13, 4, 16, 6],
      },
    },
  ]
}

function pointLayers({ theme }: LayerOptions): LayerSpecification[] {
  const c = THEME_TOKENS[theme].map
  return [
    {
      id: LAYER_IDS.metroStations,
      type: 'circle',
      source: SOURCE_IDS.metroStations,
      paint: {
        'circle-color': c.stationFill,
        'circle-stroke-color': c.stationStroke,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 13, 1.5],
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          9,
          ['case', ['get', 'is_transfer'], 2.6, 1.6],
          13,
          ['case', ['get', 'is_transfer'], 6, 4],
        ],
      },
    },
    {
      id: LAYER_IDS.aqiStations,
      type: 'circle',
      source: SOURCE_IDS.aqiStations,
      paint: {
        'circle-color': c.aqiFill,
        'circle-stroke-color': c.aqiStroke,
        'circle-stroke-width': 2,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 5, 13, 9],
      },
    },
  ]
}

function labelLayers(options: LayerOptions): LayerSpecification[] {
  const { theme, locale } = options
  const scale = options.labelScale ?? 1
  const c = THEME_TOKENS[theme].map
  const size = THEME_TOKENS[theme].mapLabelSize
  const minorPaint = {
    'text-color': c.minorLabelText,
    'text-halo-color': c.labelHalo,
    'text-halo-width': 1.5,
  }
  return [
    {
      id: LAYER_IDS.townshipsLabel,
      type: 'symbol',
      source: SOURCE_IDS.townships,
      minzoom: 10.5,
      layout: {
        'text-field': TOWNSHIP_LABEL,
        'text-font': FONT_REGULAR,
        'text-size': size.minor * scale,
      },
      paint: minorPaint,
    },
    {
      id: LAYER_IDS.metroStationsLabel,
      type: 'symbol',
      source: SOURCE_IDS.metroStations,
      minzoom: 12.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': size.minor * scale,
        'text-anchor': 'top',
        'text-offset': [0, 0.6],
      },
      paint: minorPaint,
    },
    {
      id: LAYER_IDS.aqiStationsLabel,
      type: 'symbol',
      source: SOURCE_IDS.aqiStations,
      minzoom: 10,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_MEDIUM,
        'text-size': size.minor * scale,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
      },
      paint: { ...minorPaint, 'text-color': c.labelText },
    },
    {
      id: LAYER_IDS.districtsLabel,
      type: 'symbol',
      // One point per district: polygon labels are placed per tile piece and get lost.
      source: SOURCE_IDS.districtLabels,
      layout: {
        'text-field': districtLabel(locale),
        'text-font': FONT_MEDIUM,
        'text-size': size.district * scale,
        'text-max-width': 8,
        // 上街区 is an enclave right next to 荥阳市's centre: let labels step aside, not vanish.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.6,
      },
      paint: { 'text-color': c.labelText, 'text-halo-color': c.labelHalo, 'text-halo-width': 2 },
    },
  ]
}

/** The thematic layers (everything but the background), bottom to top. */
/** Live layers slot in between: data under the labels, incidents above everything. */
export type LiveLayerSlots = { underLabels: LayerSpecification[]; onTop: LayerSpecification[] }

export function buildLayers(
  options: LayerOptions,
  live: LiveLayerSlots = { underLabels: [], onTop: [] },
): LayerSpecification[] {
  return [
    ...areaLayers(options),
    ...networkLayers(options),
    ...pointLayers(options),
    ...live.underLabels,
    ...labelLayers(options),
    ...live.onTop,
  ]
}

export function backgroundLayer(theme: ThemeName): LayerSpecification {
  return {
    id: LAYER_IDS.background,
    type: 'background',
    paint: { 'background-color': THEME_TOKENS[theme].map.background },
  }
}
