import {
  AREA_LEVELS,
  CLASSIFICATION_METHODS,
  COLOR_RAMPS,
  INCIDENT_CATEGORIES,
  INCIDENT_GRADES,
  INDICATOR_IDS,
  MAX_CLASSES,
  MIN_CLASSES,
  indicatorById,
  type AreaLevel,
  type ClassificationMethod,
  type ColorRamp,
  type IndicatorId,
} from '@cityops/domain'
import { RANGE_PRESETS, type RangePreset } from './time-range'

export const DISPLAY_MODES = ['choropleth', 'heatmap', 'symbols'] as const
export type DisplayMode = (typeof DISPLAY_MODES)[number]

export const COMPARE_MODES = ['', 'previous', 'custom'] as const
export type CompareMode = (typeof COMPARE_MODES)[number]

export const SORT_KEYS = ['value', 'name', 'code', 'change'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/** The leader's map as the URL keeps it, so a view can be shared and reloaded. */
export type ThematicView = {
  indicator: IndicatorId
  level: AreaLevel
  method: ClassificationMethod
  classes: number
  /** Manual breaks as typed, e.g. "10,20,50" (checked by the API). */
  breaks: string
  /** '' = the indicator's default ramp. */
  ramp: ColorRamp | ''
  range: RangePreset
  /** Custom window: `datetime-local` values in Beijing time. */
  from: string
  to: string
  incidentCategory: string
  incidentGrade: string
  caseCategory: string
  mode: DisplayMode
  compare: CompareMode
  /** Custom comparison window (compare=custom), like from/to. */
  compareFrom: string
  compareTo: string
  sort: SortKey
  dir: 'asc' | 'desc'
}

export const DEFAULT_VIEW: ThematicView = {
  indicator: 'incidents.count',
  level: 'district',
  method: 'quantile',
  classes: 5,
  breaks: '',
  ramp: '',
  range: '7d',
  from: '',
  to: '',
  incidentCategory: '',
  incidentGrade: '',
  caseCategory: '',
  mode: 'choropleth',
  compare: '',
  compareFrom: '',
  compareTo: '',
  sort: 'value',
  dir: 'desc',
}

// URL parameter of each field (the API's own names where there is one).
const PARAM: Record<keyof ThematicView, string> = {
  indicator: 'indicator',
  level: 'level',
  method: 'method',
  classes: 'classes',
  breaks: 'breaks',
  ramp: 'ramp',
  range: 'range',
  from: 'from',
  to: 'to',
  incidentCategory: 'incidentCategory',
  incidentGrade: 'incidentGrade',
  caseCategory: 'caseCategory',
  mode: 'mode',
  compare: 'compare',
  compareFrom: 'compareFrom',
  compareTo: 'compareTo',
  sort: 'sort',
  dir: 'dir',
}

export const URL_PARAMS = Object.values(PARAM)

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  list.find((x) => x === value) ?? fallback

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/
const localTime = (value: string | null) => (value && LOCAL_TIME.test(value) ? value : '')

function classesOf(text: string | null): number {
  const n = Number(text)
  return Number.isInteger(n) && n >= MIN_CLASSES && n <= MAX_CLASSES ? n : DEFAULT_VIEW.classes
}

/** Reads the view from the URL; unknown values fall back to the defaults. */
export function viewFromSearch(search: URLSearchParams): ThematicView {
  const get = (key: keyof ThematicView) => search.get(PARAM[key])
  const indicator = oneOf(INDICATOR_IDS, get('indicator'), DEFAULT_VIEW.indicator)
  const filters = indicatorById(indicator)?.filters ?? []
  const caseCategory = get('caseCategory') ?? ''
  return {
    indicator,
    level: oneOf(AREA_LEVELS, get('level'), DEFAULT_VIEW.level),
    method: oneOf(CLASSIFICATION_METHODS, get('method'), DEFAULT_VIEW.method),
    classes: classesOf(get('classes')),
    breaks: (get('breaks') ?? '').slice(0, 200),
    ramp: oneOf<ColorRamp | ''>(COLOR_RAMPS, get('ramp'), ''),
    range: oneOf(RANGE_PRESETS, get('range'), DEFAULT_VIEW.range),
    from: localTime(get('from')),
    to: localTime(get('to')),
    // A filter the indicator does not understand is dropped: the API would refuse it.
    incidentCategory: filters.includes('incidentCategory')
      ? oneOf<string>(INCIDENT_CATEGORIES, get('incidentCategory'), '')
      : '',
    incidentGrade: filters.includes('incidentGrade')
      ? oneOf<string>(INCIDENT_GRADES, get('incidentGrade'), '')
      : '',
    caseCategory:
      filters.includes('caseCategory') && /^\d{2}(\d{2})?$/.test(caseCategory) ? caseCategory : '',
    mode: oneOf(DISPLAY_MODES, get('mode'), DEFAULT_VIEW.mode),
    compare: oneOf(COMPARE_MODES, get('compare'), ''),
    compareFrom: localTime(get('compareFrom')),
    compareTo: localTime(get('compareTo')),
    sort: oneOf(SORT_KEYS, get('sort'), DEFAULT_VIEW.sort),
    dir: get('dir') === 'asc' ? 'asc' : 'desc',
  }
}

/** The URL query of a view; defaults are left out so the plain /thematic stays plain. */
export function searchFromView(view: ThematicView): URLSearchParams {
  const search = new URLSearchParams()
  for (const key of Object.keys(PARAM) as (keyof ThematicView)[]) {
    const value = String(view[key])
    if (value !== String(DEFAULT_VIEW[key])) search.set(PARAM[key], value)
  }
  return search
}
