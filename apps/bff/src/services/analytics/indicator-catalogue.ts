import {
  AREA_LEVELS,
  INDICATORS,
  type AreaLevel,
  type IndicatorDefinition,
  type IndicatorLevelAvailability,
} from '@cityops/domain'
import { HttpError } from '../../http/http-error'

/** No unit-grid (单元网格, GB/T 30428.1) geodata exists for this city in the shipped sources. */
export const GRID_UNAVAILABLE = {
  zh: '本市尚未导入单元网格图层',
  en: 'No unit-grid layer is loaded for this city',
}

export function levelAvailability(level: AreaLevel): IndicatorLevelAvailability {
  return level === 'grid'
    ? { level, available: false, reason: GRID_UNAVAILABLE }
    : { level, available: true }
}

export interface CatalogueEntry extends IndicatorDefinition {
  levels: IndicatorLevelAvailability[]
}

/** Every indicator with the area levels it can be mapped at. */
export function indicatorCatalogue(): CatalogueEntry[] {
  return INDICATORS.map((i) => ({ ...i, levels: AREA_LEVELS.map(levelAvailability) }))
}

/** Throws the 422 answer for a level that cannot be mapped; returns the level otherwise. */
export function mappedLevel(level: AreaLevel): Exclude<AreaLevel, 'grid'> {
  if (level === 'grid') {
    throw new HttpError(422, `${GRID_UNAVAILABLE.zh} / ${GRID_UNAVAILABLE.en}`, {
      reason: GRID_UNAVAILABLE,
    })
  }
  return level
}
