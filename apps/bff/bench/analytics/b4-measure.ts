import { ChoroplethQuery, type ChoroplethResult } from '@cityops/domain'
import type { Database } from '../../src/db/client'
import { queryChoropleth, rawChoroplethValues } from '../../src/services/analytics'
import { busyPercent, machineCpu } from '../support/proc-stat'
import { summarizeLatency, type LatencySummary } from './latency-summary'

// B4's measurement on one database: each (level, indicator) through queryChoropleth (rollups
// for whole days + raw edge days + the domain's classification, as the endpoint answers)
// against rawChoroplethValues (a point-in-polygon join of the raw rows at query time, no area
// columns, no rollups), over the same 30-day window ending at the load's "now".

export const B4_LEVELS = ['district', 'township'] as const
export const B4_INDICATORS = ['incidents.count', 'cases.count', 'cases.closureRate'] as const
export const B4_WINDOW_DAYS = 30
const WARM_UP = 3

export type B4Level = (typeof B4_LEVELS)[number]
export type B4Indicator = (typeof B4_INDICATORS)[number]

export interface B4Case {
  level: B4Level
  indicator: B4Indicator
  areas: number
  /** Areas with a value, and the sum of the bases (facts or due cases counted). */
  withValue: number
  basis: number
  ours: LatencySummary
  baseline: LatencySummary
  /** ours p95 ÷ baseline p95 */
  ratio: number
}

export interface B4Measurement {
  window: { from: string; to: string }
  cases: B4Case[]
  /** Share of both cores busy (everyone's work) while the rounds ran. */
  machineBusyPercent: number
  ms: number
}

interface Side {
  level: B4Level
  indicator: B4Indicator
  ours: () => Promise<ChoroplethResult>
  baseline: () => Promise<Awaited<ReturnType<typeof rawChoroplethValues>>>
}

export async function measureChoropleths(
  db: Database,
  now: Date,
  rounds: { ours: number; baseline: number },
  log: (message: string) => void,
): Promise<B4Measurement> {
  const to = now.toISOString()
  const from = new Date(now.getTime() - B4_WINDOW_DAYS * 86_400_000).toISOString()
  const sides: Side[] = B4_LEVELS.flatMap((level) =>
    B4_INDICATORS.map((indicator) => {
      const query = ChoroplethQuery.parse({ indicator, level, from, to })
      return {
        level,
        indicator,
        ours: () => queryChoropleth(db, query, now),
        baseline: () => rawChoroplethValues(db, { indicator, level, from, to }),
      }
    }),
  )
  const checked: Awaited<ReturnType<typeof verifySide>>[] = []
  for (const side of sides) checked.push(await verifySide(side))
  log(`verified: queryChoropleth equals the raw point-in-polygon baseline for ${sides.length} maps`)
  for (let i = 0; i < WARM_UP; i++) {
    for (const side of sides) {
      await side.ours()
      await side.baseline()
    }
  }
  const t0 = performance.now()
  const cpu0 = machineCpu()
  const times = sides.map(() => ({ ours: [] as number[], baseline: [] as number[] }))
  for (let i = 0; i < rounds.ours; i++) {
    // the baseline's rounds are spread evenly over ours; which goes first alternates
    const isBaselineRound =
      Math.floor(((i + 1) * rounds.baseline) / rounds.ours) >
      Math.floor((i * rounds.baseline) / rounds.ours)
    for (const [k, side] of sides.entries()) {
      const t = times[k]
      if (!t) continue
      const order: ('ours' | 'baseline')[] = !isBaselineRound
        ? ['ours']
        : i % 2 === 0
          ? ['ours', 'baseline']
          : ['baseline', 'ours']
      for (const which of order) t[which].push(await timed(side[which]))
    }
    if ((i + 1) % 50 === 0) log(`round ${i + 1}/${rounds.ours}`)
  }
  const machineBusy = busyPercent(cpu0, machineCpu())
  const cases = sides.map((side, k): B4Case => {
    const ours = summarizeLatency(times[k]?.ours ?? [])
    const baseline = summarizeLatency(times[k]?.baseline ?? [])
    const areas = checked[k] ?? { areas: 0, withValue: 0, basis: 0 }
    const { level, indicator } = side
    return { level, indicator, ...areas, ours, baseline, ratio: ours.p95 / baseline.p95 }
  })
  return {
    window: { from, to },
    cases,
    machineBusyPercent: machineBusy,
    ms: performance.now() - t0,
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/** Same areas, same values, same bases, or the bench stops: a fast wrong answer is no result. */
async function verifySide(side: Side) {
  const ours = await side.ours()
  const raw = await side.baseline()
  const rawByCode = new Map(raw.map((r) => [r.code, r]))
  const problems: string[] = []
  if (ours.areas.length !== raw.length)
    problems.push(`${ours.areas.length} areas vs ${raw.length} in the baseline`)
  for (const a of ours.areas) {
    const r = rawByCode.get(a.code)
    if (!r) problems.push(`${a.code} missing from the baseline`)
    else if (!sameNumber(a.value, r.value) || a.basis !== r.basis)
      problems.push(`${a.code}: ${a.value}/${a.basis} vs baseline ${r.value}/${r.basis}`)
  }
  if (problems.length > 0)
    throw new Error(
      `B4 ${side.level} ${side.indicator}: queryChoropleth disagrees with the raw baseline: ` +
        `${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
    )
  const withValue = ours.areas.filter((a) => a.value !== null)
  return {
    areas: ours.areas.length,
    withValue: withValue.length,
    basis: ours.areas.reduce((s, a) => s + a.basis, 0),
  }
}

const sameNumber = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
