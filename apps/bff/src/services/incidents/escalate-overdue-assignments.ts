import { assignmentOverdueAlarmTitle, overdueAssignments, type Alarm } from '@cityops/domain'
import { and, asc, eq, isNull, lt } from 'drizzle-orm'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { departments, incidentAssignments } from '../../db/schema'
import { appendEvents } from '../../live/append-events'
import { raiseAlarm } from '../alarms/raise-alarm'
import { readIncidentRecord, toAssignment } from './incident-record'

export interface EscalationOptions {
  /** INCIDENT_ACK_TIMEOUT_SECONDS: how long a department has to acknowledge. */
  ackTimeoutSeconds: number
  /** How many assignments one run escalates at most (the rest wait for the next run). */
  batch?: number
}

export interface Escalation {
  incidentId: string
  assignmentId: string
  departmentCode: string
  alarm: Alarm | null
}

/**
 * Escalates every assignment still `notified` past the timeout, exactly once: the rows are
 * taken `FOR UPDATE SKIP LOCKED` (another node's run skips them) and `escalated_at` is set in
 * the same transaction as the shift lead's alarm (`alarm.raised`), the
 * `incident.assignmentEscalated` event and the audit entry. Running again raises nothing new.
 */
export function escalateOverdueAssignments(
  db: Database,
  now: Date,
  { ackTimeoutSeconds, batch = 100 }: EscalationOptions,
): Promise<Escalation[]> {
  return db.transaction(async (tx) => {
    const cutoff = new Date(now.getTime() - ackTimeoutSeconds * 1000)
    const rows = await tx
      .select()
      .from(incidentAssignments)
      .where(
        and(
          eq(incidentAssignments.status, 'notified'),
          isNull(incidentAssignments.escalatedAt),
          lt(incidentAssignments.notifiedAt, cutoff),
        ),
      )
      .orderBy(asc(incidentAssignments.notifiedAt))
      .limit(batch)
      .for('update', { skipLocked: true })
    // the domain's rule decides; the WHERE clause only narrows what is read
    const due = overdueAssignments(rows.map(toAssignment), now.toISOString(), ackTimeoutSeconds)
    const done: Escalation[] = []
    for (const assignment of due)
      done.push(await escalateOne(tx, assignment.id, now, ackTimeoutSeconds))
    return done
  })
}

async function escalateOne(tx: Executor, assignmentId: string, now: Date, timeout: number) {
  const [marked] = await tx
    .update(incidentAssignments)
    .set({ escalatedAt: now })
    .where(and(eq(incidentAssignments.id, assignmentId), isNull(incidentAssignments.escalatedAt)))
    .returning()
  if (!marked) throw new Error(`assignment ${assignmentId} was escalated under our lock`)
  const { state, assignments } = await readIncidentRecord(tx, marked.incidentId)
  const [department] = await tx
    .select({ name: departments.name })
    .from(departments)
    .where(eq(departments.code, marked.departmentCode))
  const alarm = await raiseAlarm(
    tx,
    {
      kind: 'assignmentOverdue',
      subjectId: state.id,
      assignmentId,
      departmentCode: marked.departmentCode,
      grade: state.grade,
      title: assignmentOverdueAlarmTitle(
        department?.name ?? marked.departmentCode,
        timeout,
        state.title,
      ),
      location: [state.location[0], state.location[1]],
    },
    now,
  )
  const facts = {
    assignmentId,
    departmentCode: marked.departmentCode,
    notifiedAt: marked.notifiedAt.toISOString(),
    ackTimeoutSeconds: timeout,
    alarmId: alarm?.id ?? null,
  }
  await appendAudit(
    tx,
    {
      actorId: null,
      role: null,
      address: null,
      action: 'incident.escalate',
      objectType: 'incident',
      objectId: state.id,
      outcome: 'success',
      after: facts,
    },
    now,
  )
  // The incident's version stays: escalation is the system's marker, not a workflow step.
  await appendEvents(
    tx,
    [
      {
        topic: 'incidents',
        type: 'incident.assignmentEscalated',
        entityId: state.id,
        version: state.version,
        data: { ...state, assignments, ...facts },
        departments: state.departments,
        location: state.location,
      },
    ],
    now,
  )
  return { incidentId: state.id, assignmentId, departmentCode: marked.departmentCode, alarm }
}

/** Runs the check now and every `everyMs` on this node; returns a stop function. */
export function scheduleAssignmentEscalation(
  db: Database,
  options: EscalationOptions,
  clock: () => Date,
  log: (m: string) => void,
  everyMs = 15_000,
) {
  let running = false
  const run = async () => {
    if (running) return // a slow run is not overtaken by the next tick
    running = true
    try {
      const escalated = await escalateOverdueAssignments(db, clock(), options)
      for (const e of escalated)
        log(`incident ${e.incidentId}: ${e.departmentCode} did not acknowledge in time; escalated`)
    } catch (error) {
      log(`assignment escalation failed (${(error as Error).message}); will retry`)
    } finally {
      running = false
    }
  }
  void run()
  const timer = setInterval(() => void run(), everyMs)
  return () => clearInterval(timer)
}
