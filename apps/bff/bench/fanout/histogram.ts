import type { LatencySummary } from './messages'

// Latencies in fixed 0.1 ms buckets up to 10 s (one overflow bucket above): exact enough for
// p50/p99 of tens of milliseconds, cheap to fill at 100k samples/s and to merge.
const BUCKET_MS = 0.1
const BUCKETS = 100_000

export class LatencyHistogram {
  readonly counts = new Uint32Array(BUCKETS + 1)
  total = 0
  sum = 0
  max = 0

  add(ms: number) {
    const v = ms < 0 ? 0 : ms
    const i = Math.min(BUCKETS, Math.floor(v / BUCKET_MS))
    this.counts[i] = (this.counts[i] ?? 0) + 1
    this.total += 1
    this.sum += v
    if (v > this.max) this.max = v
  }

  /** The upper edge of the bucket holding the q-quantile (0 < q ≤ 1), in ms. */
  quantile(q: number): number {
    if (this.total === 0) return Number.NaN
    const rank = Math.ceil(q * this.total)
    let seen = 0
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] ?? 0
      if (seen >= rank) return i >= BUCKETS ? this.max : (i + 1) * BUCKET_MS
    }
    return this.max
  }

  summary(): LatencySummary {
    return {
      samples: this.total,
      p50: this.quantile(0.5),
      p99: this.quantile(0.99),
      mean: this.total ? this.sum / this.total : Number.NaN,
      max: this.max,
    }
  }
}
