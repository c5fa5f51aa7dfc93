import { INCIDENT_GRADES } from '@cityops/domain'
import type { IncidentCategory, IncidentGrade } from '@cityops/domain'
import {
  CLOSE_LOG_SD,
  CLOSE_MEDIAN_MIN,
  CLOSE_MIN_MIN,
  ESCALATION_MEAN_DELAY_MIN,
  ESCALATION_PROBABILITY,
  GRADE_DURATION_FACTOR,
} from './incident-tables'
import type { Rng } from './rng'

export interface IncidentLifecycle {
  /** A later upgrade by one grade, or null; always before `closesAt`. */
  escalation: { at: Date; grade: IncidentGrade } | null
  closesAt: Date
}

export interface LifecycleInput {
  category: IncidentCategory
  /** The grade at report (before any escalation). */
  grade: IncidentGrade
  reportedAt: Date
}

/**
 * What happens to a call after it is reported. `rng` must be the call's own stream (see
 * `lifecycleRng`): then the plan can be recomputed from a stored incident alone, which is how
 * a restarted simulator picks up the incidents an earlier run left open.
 */
export function incidentLifecycle(rng: Rng, input: LifecycleInput): IncidentLifecycle {
  const escalation = escalationOf(rng.fork('escalation'), input.grade, input.reportedAt)
  const first = closingTime(rng, input.category, input.grade, input.reportedAt)
  if (escalation === null || escalation.at >= first) return { escalation: null, closesAt: first }
  // A graver grade takes longer, so the close moves later, past the escalation.
  return {
    escalation,
    closesAt: closingTime(rng, input.category, escalation.grade, input.reportedAt),
  }
}

/** When an incident of this category, now at `grade`, closes: the same draw for any grade. */
export function closingTime(
  rng: Rng,
  category: IncidentCategory,
  grade: IncidentGrade,
  reportedAt: Date,
): Date {
  const z = rng.fork('duration').normal(0, 1)
  const minutes = CLOSE_MEDIAN_MIN[category] * Math.exp(CLOSE_LOG_SD * z)
  const scaled = Math.max(CLOSE_MIN_MIN, minutes * GRADE_DURATION_FACTOR[grade])
  return new Date(reportedAt.getTime() + Math.round(scaled * 60_000))
}

/** The stream of one call's lifecycle, from the incident model's rng and the call's key. */
export const lifecycleRng = (incidentRng: Rng, key: string): Rng =>
  incidentRng.fork('lifecycle').fork(key)

function escalationOf(rng: Rng, grade: IncidentGrade, at: Date): IncidentLifecycle['escalation'] {
  const next = INCIDENT_GRADES[INCIDENT_GRADES.indexOf(grade) - 1]
  if (next === undefined || !rng.chance(ESCALATION_PROBABILITY[grade])) return null
  const delayMin = 5 + rng.exponential(ESCALATION_MEAN_DELAY_MIN)
  return { at: new Date(at.getTime() + delayMin * 60_000), grade: next }
}
