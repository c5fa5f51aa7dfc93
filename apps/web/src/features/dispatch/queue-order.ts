import type { CaseItem } from '../../api/cases'

/**
 * When a case's clock runs out (ms since epoch), as the server orders `sort=breach`: the
 * deadline, or for a paused clock now + what is left; null without a clock.
 */
export function breachAt(c: CaseItem, now: number): number | null {
  if (c.sla?.paused) return now + c.sla.remainingMinutes * 60_000
  const deadline = c.sla?.deadline ?? c.deadline
  const at = deadline ? Date.parse(deadline) : Number.NaN
  return Number.isFinite(at) ? at : null
}

/**
 * Soonest breach (most overdue) first; cases without a clock last, newest first among them.
 * The server already sorts so; ordering here too keeps ties stable and a list that a live event
 * changed in the same order until the refetch lands.
 */
export function orderByBreach(items: readonly CaseItem[], now: number): CaseItem[] {
  return [...items].sort((a, b) => {
    const ba = breachAt(a, now)
    const bb = breachAt(b, now)
    if (ba !== null && bb !== null && ba !== bb) return ba - bb
    if (ba === null && bb !== null) return 1
    if (ba !== null && bb === null) return -1
    if (a.reportedAt !== b.reportedAt) return a.reportedAt < b.reportedAt ? 1 : -1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}
