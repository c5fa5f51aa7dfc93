/** p50/p95/max of one series of timings, in ms. */
export interface LatencySummary {
  samples: number
  p50: number
  p95: number
  max: number
}

/**
 * Nearest-rank quantile (the smallest sample with at least q of the samples at or below it):
 * always a time that was measured, never an interpolation between two. NaN for no samples.
 */
export function nearestRank(values: readonly number[], q: number): number {
  if (!(q > 0 && q <= 1)) throw new Error(`quantile ${q} is not in (0, 1]`)
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

export function summarizeLatency(ms: readonly number[]): LatencySummary {
  return {
    samples: ms.length,
    p50: nearestRank(ms, 0.5),
    p95: nearestRank(ms, 0.95),
    max: ms.length ? Math.max(...ms) : Number.NaN,
  }
}
