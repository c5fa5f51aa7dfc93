import { INCIDENT_CATEGORIES, isDomainError, type IncidentCategory } from '@cityops/domain'
import type { IncidentGrade } from '@cityops/domain'
import { and, inArray, like, ne } from 'drizzle-orm'
import type { Database } from '../db/client'
import { incidents } from '../db/schema'
import { closeIncident } from '../services/incidents/close-incident'
import { regradeIncident } from '../services/incidents/regrade-incident'
import type { SimulatedCall } from './incident-feed'
import { closingSummary, ESCALATION_REASON } from './incident-titles'
import { closingTime, incidentLifecycle, lifecycleRng, type Rng } from './models'

interface Plan {
  id: string
  category: IncidentCategory
  /** Pending escalation: from which grade to which, and when. */
  escalation: { at: Date; from: IncidentGrade; to: IncidentGrade } | null
  closesAt: Date
}

type Action = { at: Date; plan: Plan; kind: 'regrade' | 'close' }

export interface LifecycleResult {
  regraded: number
  closed: number
  /** Changed meanwhile by someone else (or gone): left alone. */
  skipped: number
  failed: { id: string; error: string }[]
}

export interface IncidentLifecycleFeed {
  /** Plans the escalation and close of calls that have just become incidents. */
  plan(calls: readonly SimulatedCall[]): void
  /** Plans this seed's incidents an earlier run left open; returns how many. */
  loadOpen(db: Database): Promise<number>
  /** Regrades and closes, in time order, what is due before `to`, through the services. */
  applyDue(db: Database, to: Date, limit?: number): Promise<LifecycleResult>
  pending(): number
}

/**
 * The later life of the simulator's incidents. Plans come from the pure model and only from
 * the incident's key, category, grade and report time, so a restart recomputes them from the
 * rows; applying checks the row first, so nothing is escalated or closed twice.
 */
export function createIncidentLifecycleFeed(idPrefix: string, rng: Rng): IncidentLifecycleFeed {
  const plans = new Map<string, Plan>()
  const keyOf = (id: string) => id.slice(idPrefix.length + 1)

  const due = (to: Date, limit: number): Action[] => {
    const actions: Action[] = []
    for (const plan of plans.values()) {
      if (plan.escalation && plan.escalation.at < to)
        actions.push({ at: plan.escalation.at, plan, kind: 'regrade' })
      else if (plan.closesAt < to) actions.push({ at: plan.closesAt, plan, kind: 'close' })
    }
    // An escalation is always before its close, so one pass per tick sees them in order.
    return actions
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.plan.id.localeCompare(b.plan.id))
      .slice(0, limit)
  }

  return {
    plan(calls) {
      for (const { id, value } of calls) {
        const { escalation, closesAt, category, grade } = value
        const pending = escalation && { at: escalation.at, from: grade, to: escalation.grade }
        plans.set(id, { id, category, escalation: pending, closesAt })
      }
    },
    async loadOpen(db) {
      const rows = await db
        .select({
          id: incidents.id,
          category: incidents.category,
          grade: incidents.grade,
          version: incidents.version,
          reportedAt: incidents.reportedAt,
        })
        .from(incidents)
        .where(and(like(incidents.id, `${idPrefix}-%`), ne(incidents.status, 'closed')))
      for (const row of rows) {
        const category = INCIDENT_CATEGORIES.find((c) => c === row.category)
        if (!category) continue
        const stream = lifecycleRng(rng, keyOf(row.id))
        // Version 1: untouched since the report, so the whole plan still applies. Later
        // versions were escalated (or changed by a person): only the close remains.
        if (row.version === 1) {
          const input = { category, grade: row.grade, reportedAt: row.reportedAt }
          const { escalation, closesAt } = incidentLifecycle(stream, input)
          const pending = escalation && { at: escalation.at, from: row.grade, to: escalation.grade }
          plans.set(row.id, { id: row.id, category, escalation: pending, closesAt })
        } else {
          const closesAt = closingTime(stream, category, row.grade, row.reportedAt)
          plans.set(row.id, { id: row.id, category, escalation: null, closesAt })
        }
      }
      return rows.length
    },
    async applyDue(db, to, limit = Number.POSITIVE_INFINITY) {
      const result: LifecycleResult = { regraded: 0, closed: 0, skipped: 0, failed: [] }
      let actions = due(to, limit)
      while (actions.length > 0) {
        await applyActions(db, actions, plans, result)
        if (Number.isFinite(limit)) break // a catch-up is spread over ticks
        actions = due(to, limit)
      }
      return result
    },
    pending: () => plans.size,
  }
}

async function applyActions(
  db: Database,
  actions: readonly Action[],
  plans: Map<string, Plan>,
  result: LifecycleResult,
) {
  const ids = [...new Set(actions.map((a) => a.plan.id))]
  const rows = new Map<string, { grade: IncidentGrade; status: string; version: number }>()
  for (let i = 0; i < ids.length; i += 1000) {
    const found = await db
      .select({
        id: incidents.id,
        grade: incidents.grade,
        status: incidents.status,
        version: incidents.version,
      })
      .from(incidents)
      .where(inArray(incidents.id, ids.slice(i, i + 1000)))
    for (const { id, ...row } of found) rows.set(id, row)
  }
  for (const { at, plan, kind } of actions) {
    const row = rows.get(plan.id)
    const escalation = plan.escalation
    if (kind === 'regrade') plan.escalation = null
    else plans.delete(plan.id)
    if (!row || row.status === 'closed' || (kind === 'regrade' && row.grade !== escalation?.from)) {
      result.skipped++
      continue
    }
    const who = { actor: null, address: null }
    try {
      if (kind === 'regrade' && escalation) {
        const command = {
          expectedVersion: row.version,
          grade: escalation.to,
          reason: ESCALATION_REASON,
        }
        await regradeIncident(db, who, plan.id, command, at)
        Object.assign(row, { grade: escalation.to, version: row.version + 1 })
        result.regraded++
      } else {
        const command = { expectedVersion: row.version, summary: closingSummary(plan.category) }
        await closeIncident(db, who, plan.id, command, at)
        Object.assign(row, { status: 'closed', version: row.version + 1 })
        result.closed++
      }
    } catch (error) {
      // CONFLICT: a person changed it in between, or its status cannot close (responding).
      if (isDomainError(error) && error.code === 'CONFLICT') result.skipped++
      else result.failed.push({ id: plan.id, error: String(error) })
    }
  }
}
