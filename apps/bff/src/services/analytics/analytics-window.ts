// A half-open window [from, to) split for the daily rollups: the whole Beijing days inside it
// come from the rollup tables, the partial days at either edge from the raw rows, so any
// from/to is answered exactly. Beijing (Asia/Shanghai) keeps UTC+8 all year: no DST since 1991.

const DAY_MS = 86_400_000
const BEIJING_OFFSET_MS = 8 * 3_600_000

export interface WindowParts {
  /** Whole Beijing days [dayFrom, dayTo) as 'YYYY-MM-DD', or null when there are none. */
  days: { from: string; to: string } | null
  /** Instants [from, to) read from the raw rows (0–2 ranges). */
  edges: Array<{ from: Date; to: Date }>
}

const beijingMidnightAtOrBefore = (t: number) =>
  Math.floor((t + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS
const beijingMidnightAtOrAfter = (t: number) =>
  Math.ceil((t + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS
const beijingDate = (midnight: number) =>
  new Date(midnight + BEIJING_OFFSET_MS).toISOString().slice(0, 10)

/** The rollup days and raw edge ranges of [from, to). */
export function splitWindow(from: Date, to: Date): WindowParts {
  const first = beijingMidnightAtOrAfter(from.getTime())
  const last = beijingMidnightAtOrBefore(to.getTime())
  if (first >= last) return { days: null, edges: [{ from, to }] }
  const edges: WindowParts['edges'] = []
  if (from.getTime() < first) edges.push({ from, to: new Date(first) })
  if (last < to.getTime()) edges.push({ from: new Date(last), to })
  return { days: { from: beijingDate(first), to: beijingDate(last) }, edges }
}

/** The whole window from the raw rows (hour buckets, baselines). */
export const rawWindow = (from: Date, to: Date): WindowParts => ({
  days: null,
  edges: [{ from, to }],
})
