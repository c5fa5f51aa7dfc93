// The shape of B4's synthetic history: where, when and what. Plausible, not measured: the
// point is a realistic spread for the aggregation to work through, not a model of the city.

/** Relative reports per Beijing hour 00–23: quiet nights, a morning and an evening peak. */
export const HOUR_WEIGHTS = [
  2, 1.5, 1, 1, 1, 1.5, 3, 5, 7, 8, 8, 7.5, 6.5, 6.5, 7, 7.5, 8, 8.5, 8, 7, 6, 5, 4, 3,
] as const

/**
 * Rows per county-level division, by resident population in 10,000s (rounded, 2020 census
 * order of magnitude): the six urban districts are small and dense, the counties large.
 */
export const DISTRICT_WEIGHTS = [
  { code: '410102', weight: 120 }, // 中原区
  { code: '410103', weight: 90 }, // 二七区
  { code: '410104', weight: 80 }, // 管城回族区
  { code: '410105', weight: 190 }, // 金水区
  { code: '410106', weight: 15 }, // 上街区
  { code: '410108', weight: 60 }, // 惠济区
  { code: '410122', weight: 160 }, // 中牟县
  { code: '410181', weight: 80 }, // 巩义市
  { code: '410182', weight: 70 }, // 荥阳市
  { code: '410183', weight: 80 }, // 新密市
  { code: '410184', weight: 110 }, // 新郑市
  { code: '410185', weight: 70 }, // 登封市
] as const

export const INCIDENT_MIX = {
  categories: [
    ['trafficAccident', 30],
    ['medical', 20],
    ['publicSecurity', 15],
    ['fire', 8],
    ['powerOutage', 6],
    ['flood', 5],
    ['environmentalPollution', 5],
    ['other', 5],
    ['gasLeak', 4],
    ['hazardousChemicals', 2],
  ],
  grades: [
    ['IV', 75],
    ['III', 20],
    ['II', 4],
    ['I', 1],
  ],
} as const satisfies Record<string, readonly (readonly [string, number])[]>

/**
 * A lookup table of `size` entries in which each value appears in proportion to its weight
 * (largest remainder, so the counts add up exactly); indexing it with a uniform number draws
 * from the weights. Every value with a positive weight keeps at least one entry.
 */
export function lookupTable<T>(entries: readonly (readonly [T, number])[], size = 1000): T[] {
  const total = entries.reduce((a, [, w]) => a + w, 0)
  if (!(total > 0) || entries.some(([, w]) => w < 0))
    throw new Error('weights must be ≥ 0, some > 0')
  const exact = entries.map(([, w]) => (w * size) / total)
  const counts = exact.map((x, i) => Math.max((entries[i]?.[1] ?? 0) > 0 ? 1 : 0, Math.floor(x)))
  let left = size - counts.reduce((a, c) => a + c, 0)
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) {
    const i = byRemainder[k]?.i ?? 0
    counts[i] = (counts[i] ?? 0) + 1
  }
  for (let i = counts.length - 1; left < 0; i = (i - 1 + counts.length) % counts.length) {
    if ((counts[i] ?? 0) > 1) {
      counts[i] = (counts[i] ?? 0) - 1
      left++
    }
  }
  return entries.flatMap(([value], i) => Array.from({ length: counts[i] ?? 0 }, () => value))
}
