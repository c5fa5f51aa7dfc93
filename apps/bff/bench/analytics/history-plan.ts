import { createHash } from 'node:crypto'

// What B4 loads: `rows` historical facts split 60 % incidents / 40 % 数字城管 cases (a city's
// 12345 + 数字城管 volume is of that order: more incident reports than filed cases), spread
// over the `days` before the load's `now`.

/** Bump when the generator's SQL changes what it writes, so an old load is never reused. */
export const HISTORY_GENERATOR_VERSION = 1

export const INCIDENT_SHARE = 0.6

export interface HistoryPlan {
  incidents: number
  cases: number
  days: number
  seed: number
}

export function planHistory(rows: number, seed: number, days = 365): HistoryPlan {
  if (!(Number.isInteger(rows) && rows > 0)) throw new Error(`rows must be a positive integer`)
  const incidents = Math.round(rows * INCIDENT_SHARE)
  return { incidents, cases: rows - incidents, days, seed }
}

/**
 * Two loads are interchangeable when the schema (migrations + reference data, as the PGlite
 * template's key says), the generator and the plan are the same.
 */
export function historyFingerprint(schemaKey: string, plan: HistoryPlan): string {
  const parts = [
    `schema=${schemaKey}`,
    `generator=${HISTORY_GENERATOR_VERSION}`,
    `incidents=${plan.incidents}`,
    `cases=${plan.cases}`,
    `days=${plan.days}`,
    `seed=${plan.seed}`,
  ]
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24)
}
