import { indicatorById, INDICATORS, type IndicatorDefinition } from '@cityops/domain'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import {
  areasQueryOptions,
  choroplethQueryOptions,
  factPointsQueryOptions,
  indicatorsQueryOptions,
  type ChoroplethParams,
} from '../../api/analytics'
import { compareModel, currentModel, defaultRamp, parseBreaks } from './thematic-model'
import type { ThematicModel } from './thematic-model'
import type { ThematicView } from './thematic-url'
import { previousWindow, resolveWindow, type Window } from './time-range'

/** The active time-machine frame: the map shows the city cumulatively up to `at`. */
export type FrameWindow = { at: string } | null

const FALLBACK: IndicatorDefinition = INDICATORS[0]

/** The window the map shows: the range, or [range start, frame) while replaying. */
export function mapWindow(range: Window | null, frame: FrameWindow): Window | null {
  if (!range || !frame) return range
  const from = Date.parse(range.from)
  const at = Math.max(Date.parse(frame.at), from + 60_000)
  return { from: range.from, to: new Date(at).toISOString() }
}

export function choroplethParams(view: ThematicView, w: Window): ChoroplethParams {
  return {
    indicator: view.indicator,
    level: view.level,
    from: w.from,
    to: w.to,
    method: view.method,
    classes: view.classes,
    breaks: view.method === 'manual' ? view.breaks.replace(/\s+/g, '') : undefined,
    incidentCategory: view.incidentCategory || undefined,
    incidentGrade: view.incidentGrade || undefined,
    caseCategory: view.caseCategory || undefined,
  }
}

function compareWindow(view: ThematicView, w: Window | null, now: number): Window | null {
  if (!w || view.compare === '') return null
  if (view.compare === 'previous') return previousWindow(w)
  return resolveWindow('custom', { from: view.compareFrom, to: view.compareTo }, now)
}

/** Everything the page draws, from the URL view, the page's clock and the replay frame. */
export function useThematicData(view: ThematicView, now: number, frame: FrameWindow) {
  const def = indicatorById(view.indicator) ?? FALLBACK
  const range = resolveWindow(view.range, { from: view.from, to: view.to }, now)
  const shown = mapWindow(range, frame)
  const previous = compareWindow(view, range, now)
  const manual = useMemo(
    () => (view.method === 'manual' ? parseBreaks(view.breaks) : undefined),
    [view.method, view.breaks],
  )
  const canQuery = view.method !== 'manual' || manual !== undefined

  const catalogue = useQuery(indicatorsQueryOptions())
  const areas = useQuery(areasQueryOptions(view.level === 'grid' ? 'district' : view.level))
  const current = useQuery({
    ...choroplethQueryOptions(choroplethParams(view, shown ?? { from: '', to: '' })),
    enabled: shown !== null && canQuery,
    placeholderData: keepPreviousData,
  })
  const before = useQuery({
    ...choroplethQueryOptions(choroplethParams(view, previous ?? { from: '', to: '' })),
    enabled: previous !== null && canQuery,
    placeholderData: keepPreviousData,
  })
  const factKind = def.family === 'incidents' || def.family === 'cases' ? def.family : null
  const facts = useQuery({
    ...factPointsQueryOptions(factKind ?? 'incidents', shown?.from ?? '', shown?.to ?? '', {
      incidentCategory: view.incidentCategory || undefined,
      incidentGrade: view.incidentGrade || undefined,
      caseCategory: view.caseCategory || undefined,
    }),
    enabled: view.mode === 'heatmap' && factKind !== null && shown !== null,
  })

  const ramp = view.ramp || defaultRamp(def)
  const isCompare = previous !== null
  const model = useMemo((): { model: ThematicModel | null; error: string | null } => {
    if (!current.data) return { model: null, error: null }
    if (!isCompare) return { model: currentModel(current.data, def, ramp), error: null }
    if (!before.data) return { model: null, error: null }
    try {
      return {
        model: compareModel(current.data, before.data, view.method, view.classes, manual),
        error: null,
      }
    } catch (error) {
      return { model: null, error: error instanceof Error ? error.message : String(error) }
    }
  }, [current.data, before.data, isCompare, def, ramp, view.method, view.classes, manual])

  return {
    def,
    range,
    shown,
    previous,
    ramp,
    catalogue,
    areas,
    current,
    before,
    facts,
    factKind,
    isManualInvalid: !canQuery,
    ...model,
  }
}
