import type { Verdict } from '../report'
import { fixed, formatTable } from '../support/table'
import type { B4Case } from './b4-measure'
import type { B4EngineResult, B4Results } from './run-b4'

// B4's table and targets (issue #7): p95 ≤ 50 ms on PostgreSQL and p95 ≤ 0.05 × the raw
// point-in-polygon baseline's, for the district and the township maps.

export const B4_P95_TARGET_MS = 50
export const B4_RATIO_TARGET = 0.05

export function printB4(results: B4Results) {
  for (const r of [results.postgres, results.pglite]) if (r) printEngine(r)
}

function printEngine(r: B4EngineResult) {
  const rows = r.plan.incidents + r.plan.cases
  const load = r.load
  console.log(
    `\nB4 choropleth — ${r.database}, ${rows.toLocaleString('en')} rows over ${r.plan.days} days, ` +
      `window ${r.window.from} → ${r.window.to}; rounds ${r.rounds.ours} (baseline ${r.rounds.baseline}); ` +
      `machine ${fixed(r.machineBusyPercent, 0)}% busy`,
  )
  if (load)
    console.log(
      `   load${r.isReused ? ' (reused, as recorded then)' : ''}: ${fixed(load.total.ms / 1000)} s, ` +
        `${fixed(load.total.rowsPerSecond, 0)} rows/s through the triggers ` +
        `(incidents ${fixed(load.incidents.rowsPerSecond, 0)}/s, cases ${fixed(load.cases.rowsPerSecond, 0)}/s)`,
    )
  const header = ['level', 'indicator', 'areas', 'valued', 'basis', 'p50 ms', 'p95 ms', 'max ms']
  header.push('raw p50', 'raw p95', 'raw max', 'p95 ratio')
  const table = r.cases.map((c) => [
    c.level,
    c.indicator,
    String(c.areas),
    String(c.withValue),
    String(c.basis),
    fixed(c.ours.p50),
    fixed(c.ours.p95),
    fixed(c.ours.max),
    fixed(c.baseline.p50, 0),
    fixed(c.baseline.p95, 0),
    fixed(c.baseline.max, 0),
    fixed(c.ratio, 4),
  ])
  console.log(formatTable(header, table))
  for (const e of r.endpoint)
    console.log(
      `   GET /api/analytics/choropleth ${e.indicator} ${e.level} (in-process, ${e.latency.samples} requests): ` +
        `p50 ${fixed(e.latency.p50)} ms, p95 ${fixed(e.latency.p95)} ms`,
    )
}

/** Targets on PostgreSQL only (PGlite is informational): the worst indicator per level. */
export function b4Verdicts(results: B4Results): Verdict[] {
  const r = results.postgres
  if (!r) return []
  const levels = [...new Set(r.cases.map((c) => c.level))]
  return levels.flatMap((level) => {
    const cases = r.cases.filter((c) => c.level === level)
    const slowest = worst(cases, (c) => c.ours.p95)
    const highest = worst(cases, (c) => c.ratio)
    return [
      {
        target: `B4 choropleth p95 ≤ ${B4_P95_TARGET_MS} ms (PostgreSQL, ${level})`,
        measured: `${fixed(slowest.ours.p95)} ms (${slowest.indicator})`,
        isMet: slowest.ours.p95 <= B4_P95_TARGET_MS,
      },
      {
        target: `B4 p95 ≤ ${B4_RATIO_TARGET}× raw point-in-polygon (PostgreSQL, ${level})`,
        measured: `${fixed(highest.ratio, 4)}× (${highest.indicator})`,
        isMet: highest.ratio <= B4_RATIO_TARGET,
      },
    ]
  })
}

function worst(cases: B4Case[], pick: (c: B4Case) => number): B4Case {
  const sorted = [...cases].sort((a, b) => pick(b) - pick(a))
  const first = sorted[0]
  if (!first) throw new Error('B4 measured no maps')
  return first
}
