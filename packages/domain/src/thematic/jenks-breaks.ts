// Natural breaks (Jenks 1977, "Optimal data classification for choropleth maps", Univ. of
// Kansas Occasional Paper 2), computed exactly with Fisher's dynamic programme (Fisher 1958,
// "On grouping for maximum homogeneity", JASA 53:789–798): among all ways to cut the sorted
// values into k contiguous classes, take the one with the least total within-class sum of
// squared deviations from the class means. Optimal grouping of ordered data is contiguous
// (Fisher 1958), so searching over cut points is exact, not a heuristic.
//
// Classes are expressed as upper bounds, so equal values can never sit in two classes: the
// programme runs over the distinct values, each weighted by how often it occurs. With d
// distinct values and k classes this costs O(k·d²) time and O(k·d) memory, which is
// tens of milliseconds for a few hundred areas and about half a second for 3,000 (measured
// with 9 classes on a busy 2-core machine); callers with more areas should pre-aggregate.

/** Weighted sum of squared deviations of distinct[i..j) from their weighted mean. */
type SegmentCost = (i: number, j: number) => number

function segmentCost(distinct: readonly number[], weights: readonly number[]): SegmentCost {
  // Prefix sums of w, w·x and w·x² around the overall mean (centring keeps the
  // "Σwx² − (Σwx)²/Σw" form from losing precision when values are large and close together).
  const total = weights.reduce((s, w) => s + w, 0)
  const mean = distinct.reduce((s, x, i) => s + x * (weights[i] as number), 0) / total
  const w = [0]
  const wx = [0]
  const wxx = [0]
  distinct.forEach((x, i) => {
    const c = x - mean
    const wi = weights[i] as number
    w.push((w[i] as number) + wi)
    wx.push((wx[i] as number) + wi * c)
    wxx.push((wxx[i] as number) + wi * c * c)
  })
  return (i, j) => {
    const sw = (w[j] as number) - (w[i] as number)
    const swx = (wx[j] as number) - (wx[i] as number)
    const cost = (wxx[j] as number) - (wxx[i] as number) - (swx * swx) / sw
    return cost > 0 ? cost : 0
  }
}

/** Distinct values of an ascending list with their multiplicities. */
function distinctWithWeights(sorted: readonly number[]): { distinct: number[]; weights: number[] } {
  const distinct: number[] = []
  const weights: number[] = []
  for (const x of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === x) {
      weights[weights.length - 1] = (weights[weights.length - 1] as number) + 1
    } else {
      distinct.push(x)
      weights.push(1)
    }
  }
  return { distinct, weights }
}

/**
 * Jenks natural breaks of ascending, non-empty values into at most `classes` classes. With
 * no more distinct values than classes, every distinct value is its own class (zero
 * deviation, trivially optimal). Ties between equally good cuts go to the earliest cut.
 */
export function jenksBreaks(sorted: readonly number[], classes: number): number[] {
  const { distinct, weights } = distinctWithWeights(sorted)
  const d = distinct.length
  if (d <= classes) return distinct
  const cost = segmentCost(distinct, weights)
  // best[m] = least cost of the first m distinct values in the current number of classes;
  // cut[j][m] = where the last of those classes starts.
  let best = Array.from({ length: d + 1 }, (_, m) => (m === 0 ? 0 : cost(0, m)))
  const cut: number[][] = [new Array<number>(d + 1).fill(0)]
  for (let j = 2; j <= classes; j++) {
    const next = new Array<number>(d + 1).fill(Number.POSITIVE_INFINITY)
    const from = new Array<number>(d + 1).fill(0)
    for (let m = j; m <= d; m++) {
      for (let i = j - 1; i < m; i++) {
        const candidate = (best[i] as number) + cost(i, m)
        if (candidate < (next[m] as number)) {
          next[m] = candidate
          from[m] = i
        }
      }
    }
    best = next
    cut.push(from)
  }
  const breaks: number[] = []
  let end = d
  for (let j = classes; j >= 1; j--) {
    breaks.unshift(distinct[end - 1] as number)
    end = (cut[j - 1] as number[])[end] as number
  }
  return breaks
}
