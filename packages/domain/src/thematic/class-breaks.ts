// Class breaks for choropleth maps (issue #7). Every function here takes the values already
// validated and sorted ascending (non-empty) and returns the upper bound of each class,
// ascending, the last one equal to the maximum. A value equal to a break belongs to that
// break's class (see classOf in classification.ts).

/** Drops repeated breaks so no class is empty by construction of equal bounds. */
export function uniqueAscending(breaks: readonly number[]): number[] {
  const out: number[] = []
  for (const b of breaks) if (out.length === 0 || b > (out[out.length - 1] as number)) out.push(b)
  return out
}

/**
 * Quantile (equal count) breaks, as defined for "Quantile" in the ArcGIS Pro and QGIS
 * classification docs: each class gets (as nearly as possible) n/k of the values.
 * Rank rule: the upper bound of class i (1-based, i < k) is the value of 1-based rank
 * ceil(i·n/k) in the sorted list, i.e. the smallest value with at least i/k of the values at
 * or below it (the inverse of the empirical distribution function, Hyndman & Fan 1996
 * type 1). With ties a break can repeat; repeats are merged, which gives fewer classes.
 */
export function quantileBreaks(sorted: readonly number[], classes: number): number[] {
  const n = sorted.length
  const breaks: number[] = []
  for (let i = 1; i < classes; i++) breaks.push(sorted[Math.ceil((i * n) / classes) - 1] as number)
  breaks.push(sorted[n - 1] as number)
  return uniqueAscending(breaks)
}

/**
 * Equal interval breaks ("Equal Interval" in the ArcGIS Pro / QGIS docs): the range
 * max − min is cut into k intervals of width (max − min) / k; break i = min + i·(max − min)/k
 * (computed from i, not by adding the width repeatedly, so rounding does not accumulate) and
 * the last break is exactly max. The classes are defined by the range, not by the values, so
 * empty classes are possible and kept; only when max = min is there a single class.
 */
export function equalIntervalBreaks(sorted: readonly number[], classes: number): number[] {
  const min = sorted[0] as number
  const max = sorted[sorted.length - 1] as number
  if (max === min) return [max]
  const breaks: number[] = []
  for (let i = 1; i < classes; i++) breaks.push(min + (i * (max - min)) / classes)
  breaks.push(max)
  return uniqueAscending(breaks)
}

/**
 * Manual breaks: the given strictly ascending upper bounds; if the last one is below the
 * maximum, the maximum is appended as the upper bound of a final class. Breaks above the
 * maximum are kept (the leader chose them; their classes are simply empty).
 */
export function manualBreaks(sorted: readonly number[], given: readonly number[]): number[] {
  const max = sorted[sorted.length - 1]
  const last = given[given.length - 1] as number
  return max !== undefined && last < max ? [...given, max] : [...given]
}
