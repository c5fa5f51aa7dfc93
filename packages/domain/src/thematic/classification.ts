import { z } from 'zod'
import { DomainError, parseOrThrow } from '../errors'
import { equalIntervalBreaks, manualBreaks, quantileBreaks } from './class-breaks'
import { jenksBreaks } from './jenks-breaks'

// Classification of area values for choropleth maps (issue #7: quantiles, natural breaks,
// equal interval, manual breaks, 2–9 classes). Breaks are the inclusive upper bounds of the
// classes, ascending; class i holds the values v with breaks[i−1] < v ≤ breaks[i].
//
// Edge cases, decided here:
// - no values: no classes (`breaks: []`), except manual, which returns the given breaks;
// - fewer distinct values than classes: quantile and Jenks give fewer classes, never a repeated
//   break; equal interval keeps its k intervals of the range (empty classes allowed) and has
//   one class only when all values are equal;
// - NaN or ±Infinity among the values or breaks: DomainError('VALIDATION');
// - 2–9 classes [U]: ColorBrewer 2.0 publishes its ramps for 3–9 classes and readers cannot
//   tell more shades apart; 2 is allowed for simple above/below maps.

export const CLASSIFICATION_METHODS = ['quantile', 'jenks', 'equal', 'manual'] as const
export const ClassificationMethod = z.enum(CLASSIFICATION_METHODS, {
  error:
    '分级方法须为 quantile、jenks、equal 或 manual / method must be quantile, jenks, equal or manual',
})
export type ClassificationMethod = z.infer<typeof ClassificationMethod>

export const MIN_CLASSES = 2
export const MAX_CLASSES = 9
export const ClassCount = z
  .number({ error: '分级数须为 2–9 的整数 / classes must be a whole number from 2 to 9' })
  .int({ error: '分级数须为 2–9 的整数 / classes must be a whole number from 2 to 9' })
  .min(MIN_CLASSES, { error: '分级数至少为 2 / classes must be at least 2' })
  .max(MAX_CLASSES, { error: '分级数至多为 9 / classes must be at most 9' })

const FiniteNumber = z.number({ error: '数值须为有限数 / values must be finite numbers' })
export const ClassValues = z.array(FiniteNumber)
export const ManualBreaks = z
  .array(FiniteNumber)
  .min(1, { error: '请给出至少一个分级界值 / Give at least one manual break' })
  .max(MAX_CLASSES, { error: '分级界值至多 9 个 / At most 9 manual breaks' })
  .refine((b) => b.every((x, i) => i === 0 || x > (b[i - 1] as number)), {
    error: '分级界值须严格递增 / Manual breaks must be strictly ascending',
  })

export interface Classification {
  method: ClassificationMethod
  /** The number of classes actually produced (= breaks.length). */
  classes: number
  /** Inclusive upper bound of each class, ascending; the last is the maximum value. */
  breaks: number[]
}

/**
 * Classifies `values` into at most `classes` classes by `method` (see edge cases above).
 * For 'manual' the classes come from `manual` (plus the maximum); `classes` is still checked.
 */
export function classify(
  values: readonly number[],
  method: ClassificationMethod,
  classes: number,
  manual?: readonly number[],
): Classification {
  const m = parseOrThrow(ClassificationMethod, method, 'classification method')
  const k = parseOrThrow(ClassCount, classes, 'number of classes')
  const sorted = [...parseOrThrow(ClassValues, values, 'values')].sort((a, b) => a - b)
  if (m === 'manual') {
    if (manual === undefined) {
      throw new DomainError('VALIDATION', '手动分级须给出界值 / Manual classification needs breaks')
    }
    const breaks = manualBreaks(sorted, parseOrThrow(ManualBreaks, manual, 'manual breaks'))
    if (breaks.length > MAX_CLASSES) {
      throw new DomainError(
        'VALIDATION',
        '最大值超出最后界值，将产生 10 个分级 / The maximum lies above the 9th break, which would make 10 classes',
      )
    }
    return { method: m, classes: breaks.length, breaks }
  }
  if (sorted.length === 0) return { method: m, classes: 0, breaks: [] }
  const breaks =
    m === 'quantile'
      ? quantileBreaks(sorted, k)
      : m === 'jenks'
        ? jenksBreaks(sorted, k)
        : equalIntervalBreaks(sorted, k)
  return { method: m, classes: breaks.length, breaks }
}

/**
 * The 0-based class of `value`: the first break ≥ value (a value equal to a break is in that
 * break's class); below the first break → class 0, above the last → the last class.
 */
export function classOf(value: number, breaks: readonly number[]): number {
  if (!Number.isFinite(value)) {
    throw new DomainError('VALIDATION', '数值须为有限数 / values must be finite numbers')
  }
  if (breaks.length === 0) {
    throw new DomainError('VALIDATION', '没有分级界值 / There are no class breaks')
  }
  let lo = 0
  let hi = breaks.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (value <= (breaks[mid] as number)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** How many values fall in each class (the legend's counts); sums to values.length. */
export function classCounts(values: readonly number[], breaks: readonly number[]): number[] {
  const counts = new Array<number>(breaks.length).fill(0)
  for (const v of values) {
    const c = classOf(v, breaks)
    counts[c] = (counts[c] as number) + 1
  }
  return counts
}

/**
 * Total within-class sum of squared deviations from the class means: the quantity Jenks'
 * method minimises (lower is a tighter fit). Empty classes contribute nothing.
 */
export function withinClassSquaredDeviation(
  values: readonly number[],
  breaks: readonly number[],
): number {
  const groups = breaks.map((): number[] => [])
  for (const v of values) groups[classOf(v, breaks)]?.push(v)
  let total = 0
  for (const g of groups) {
    if (g.length === 0) continue
    const mean = g.reduce((s, x) => s + x, 0) / g.length
    total += g.reduce((s, x) => s + (x - mean) ** 2, 0)
  }
  return total
}
