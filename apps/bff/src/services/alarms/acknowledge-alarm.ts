import {
  AcknowledgeAlarmCommand,
  assertAcknowledgeable,
  DomainError,
  parseOrThrow,
  type Alarm,
  type UserActor,
} from '@cityops/domain'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { alarms } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { alarmView, selectAlarms } from './alarm-view'

/**
 * 确认报警: one transaction sets acknowledgedAt/By (version + 1, only from `expectedVersion`
 * and only while open), writes the audit entry and an `alarm.acknowledged` event with the
 * whole alarm. A second acknowledgement is 409 with the current alarm, so the desk sees who.
 */
export async function acknowledgeAlarm(
  db: Database,
  who: { actor: UserActor; address: string | null },
  id: string,
  input: z.input<typeof AcknowledgeAlarmCommand>,
  now: Date,
): Promise<{ alarm: Alarm; seq: number | null }> {
  const { expectedVersion } = parseOrThrow(AcknowledgeAlarmCommand, input, 'acknowledge command')
  return db.transaction(async (tx) => {
    const before = await lockAlarm(tx, id)
    if (!before) throw new HttpError(404, `没有报警 ${id} / There is no alarm ${id}.`)
    conflictWithCurrent(before, () => assertAcknowledgeable(before, expectedVersion))
    const [updated] = await tx
      .update(alarms)
      .set({
        acknowledgedAt: now,
        acknowledgedBy: who.actor.userId,
        version: sql`${alarms.version} + 1`,
      })
      .where(
        and(eq(alarms.id, id), eq(alarms.version, expectedVersion), isNull(alarms.acknowledgedAt)),
      )
      .returning({ id: alarms.id })
    if (!updated) throw new Error(`alarm ${id} changed under its row lock`)
    const after = await readAlarm(tx, id)
    if (!after) throw new Error(`alarm ${id} vanished under its row lock`)
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'alarm.acknowledge',
        objectType: 'alarm',
        objectId: id,
        outcome: 'success',
        before: { version: before.version, acknowledgedAt: null },
        after: { version: after.version, acknowledgedAt: after.acknowledgedAt },
      },
      now,
    )
    const [event] = await appendEvents(
      tx,
      [
        {
          topic: 'alerts',
          type: 'alarm.acknowledged',
          entityId: id,
          version: after.version,
          data: after,
          location: after.location,
        },
      ],
      now,
    )
    return { alarm: after, seq: event?.seq ?? null }
  })
}

async function lockAlarm(tx: Executor, id: string): Promise<Alarm | null> {
  // lock the alarm row only (the users join is for the name)
  const [row] = await selectAlarms(tx).where(eq(alarms.id, id)).for('update', { of: alarms })
  return row ? alarmView(row) : null
}

async function readAlarm(tx: Executor, id: string): Promise<Alarm | null> {
  const [row] = await selectAlarms(tx).where(eq(alarms.id, id))
  return row ? alarmView(row) : null
}

/** The domain's CONFLICT as a 409 that carries the alarm as it is now. */
function conflictWithCurrent(current: Alarm, check: () => void) {
  try {
    check()
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT')
      throw new HttpError(409, error.message, { alarm: current })
    throw error
  }
}
