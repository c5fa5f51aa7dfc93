import {
  classCounts,
  classOf,
  classify,
  RAMP_KIND,
  rampColors,
  type ChoroplethResult,
  type ClassificationMethod,
  type ColorRamp,
  type IndicatorDefinition,
} from '@cityops/domain'

/** One area as the map, legend, chart and table see it. */
export type AreaRow = {
  code: string
  name: string
  /** The mapped number: the value, or in compare mode the change current − previous. */
  mapped: number | null
  value: number | null
  /** Compare mode only. */
  previous: number | null
  change: number | null
  /** 0-based class of `mapped`; null without a value. */
  class: number | null
}

export type ThematicModel = {
  isCompare: boolean
  breaks: number[]
  counts: number[]
  noDataCount: number
  /** One colour per class, lightest/lowest first as the ramp gives them (maybe reversed). */
  colors: string[]
  areas: AreaRow[]
}

export const NO_DATA_COLOR = '#bdbdbd'
export const DIFF_RAMP: ColorRamp = 'puOr'

/** The indicator's default ramp: oranges where more is worse, blues where more is better. */
export function defaultRamp(def: Pick<IndicatorDefinition, 'better'>): ColorRamp {
  return def.better === 'lower' ? 'oranges' : 'blues'
}

/**
 * Colours so that darker means worse: the ColorBrewer ramps darken towards their end, viridis
 * brightens, so the list is reversed when the dark end would land on the good values.
 */
export function classColors(
  ramp: ColorRamp,
  def: Pick<IndicatorDefinition, 'better'>,
  classes: number,
): string[] {
  // One class (all values equal) says nothing about better or worse: the ramp's light end.
  if (classes === 1) {
    const light = RAMP_KIND[ramp] === 'diverging' ? 1 : ramp === 'viridis' ? 2 : 0
    return [rampColors(ramp, 3)[light] ?? NO_DATA_COLOR]
  }
  if (classes < 2) return []
  const colors = rampColors(ramp, classes)
  if (RAMP_KIND[ramp] === 'diverging') return colors
  const isDarkAtEnd = ramp !== 'viridis'
  const isWorseHigh = def.better === 'lower'
  return isDarkAtEnd === isWorseHigh ? colors : colors.reverse()
}

/** The API's classes as they came: breaks, counts and each area's class untouched. */
export function currentModel(
  result: ChoroplethResult,
  def: Pick<IndicatorDefinition, 'better'>,
  ramp: ColorRamp,
): ThematicModel {
  const areas = result.areas.map((a) => ({
    code: a.code,
    name: a.name,
    mapped: a.value,
    value: a.value,
    previous: null,
    change: null,
    class: a.class,
  }))
  return {
    isCompare: false,
    breaks: result.breaks,
    counts: result.counts,
    noDataCount: areas.filter((a) => a.value === null).length,
    colors: classColors(ramp, def, result.breaks.length),
    areas,
  }
}

/**
 * Compare mode: each area's change current − previous, classified here (not by the API) with
 * the domain's classify. The changes are classified together with their mirror images so the
 * breaks are symmetric around zero and the diverging ramp's middle means "no change".
 */
export function compareModel(
  current: ChoroplethResult,
  previous: ChoroplethResult,
  method: ClassificationMethod,
  classes: number,
  manual: readonly number[] | undefined,
): ThematicModel {
  const before = new Map(previous.areas.map((a) => [a.code, a.value]))
  const rows = current.areas.map((a) => {
    const prev = before.get(a.code) ?? null
    const change = a.value !== null && prev !== null ? a.value - prev : null
    return { code: a.code, name: a.name, value: a.value, previous: prev, change }
  })
  const changes = rows.flatMap((r) => (r.change === null ? [] : [r.change]))
  const mirrored = [...changes, ...changes.map((c) => -c)]
  const { breaks } =
    method === 'manual' && manual
      ? classify(changes, 'manual', classes, manual)
      : classify(mirrored, method === 'manual' ? 'equal' : method, classes)
  const areas = rows.map((r) => ({
    ...r,
    mapped: r.change,
    class: r.change === null || breaks.length === 0 ? null : classOf(r.change, breaks),
  }))
  return {
    isCompare: true,
    breaks,
    counts: classCounts(changes, breaks),
    noDataCount: rows.length - changes.length,
    colors: divergingColors(breaks),
    areas,
  }
}

/**
 * Colours of change classes by their side of zero, so a colour always means the same thing:
 * classes below zero take PuOr's orange half (darker further down), classes above zero its
 * purple half, and a class that holds zero its neutral middle.
 */
export function divergingColors(breaks: readonly number[]): string[] {
  const side = breaks.map((hi, i) => {
    const lo = i === 0 ? -Infinity : (breaks[i - 1] as number)
    return hi < 0 ? -1 : lo >= 0 ? 1 : 0
  })
  const below = side.filter((x) => x < 0).length
  const above = side.filter((x) => x > 0).length
  const half = Math.min(4, Math.max(below, above, 1))
  const ramp = rampColors(DIFF_RAMP, 2 * half + 1)
  let up = 0
  return side.map((x, i) => {
    if (x === 0) return ramp[half] ?? NO_DATA_COLOR
    if (x < 0) return ramp[half - Math.min(half, below - i)] ?? NO_DATA_COLOR
    up += 1
    return ramp[half + Math.min(half, up)] ?? NO_DATA_COLOR
  })
}

/** The colour of each area by code (no-data grey), for the map's match expression. */
export function colorByCode(model: ThematicModel): Map<string, string> {
  return new Map(
    model.areas.map((a) => [
      a.code,
      a.class === null ? NO_DATA_COLOR : (model.colors[a.class] ?? NO_DATA_COLOR),
    ]),
  )
}

/** Parses "10, 20,50" into numbers; undefined when empty or not all numbers. */
export function parseBreaks(text: string): number[] | undefined {
  if (text.trim() === '') return undefined
  const values = text.split(',').map((x) => Number(x.trim()))
  return values.every(Number.isFinite) ? values : undefined
}
