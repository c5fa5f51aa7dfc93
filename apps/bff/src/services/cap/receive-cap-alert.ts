import { randomUUID } from 'node:crypto'
import type { Actor } from '@cityops/domain'
import { and, eq, sql } from 'drizzle-orm'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { capAlerts } from '../../db/schema'
import { appendEvents } from '../../live/append-events'
import {
  capToIncidentDraft,
  parseCapAlert,
  type CapAlert,
  type IncidentDraft,
} from '../../ingest/cap'
import { HttpError } from '../../http/http-error'
import { actorAudit } from '../actor-audit'
import { createIncident } from '../incidents/create-incident'
import { jurisdictionOf } from './jurisdiction'

export interface CapReceipt {
  alertId: string
  duplicate: boolean
  outcome: 'incident' | 'alertOnly' | 'linked'
  reason: string | null
  incidentId: string | null
  linkedTo: string | null
  warnings: string[]
}

/**
 * Stores every valid CAP message. A new Alert inside the city becomes an incident (through the
 * same service as the operators' form); Update/Cancel link to the message they reference;
 * alerts outside Zhengzhou are kept among alerts without an incident on the map.
 */
export async function receiveCapAlert(
  db: Database,
  who: { actor: Actor; address: string | null },
  xml: Buffer,
  now: Date,
): Promise<CapReceipt> {
  const alert = parseCapAlert(xml)
  const [existing] = await db
    .select()
    .from(capAlerts)
    .where(
      and(
        eq(capAlerts.sender, alert.sender),
        eq(capAlerts.identifier, alert.identifier),
        eq(capAlerts.sent, alert.sent),
      ),
    )
  if (existing)
    return {
      alertId: existing.id,
      duplicate: true,
      outcome: existing.outcome as CapReceipt['outcome'],
      reason: null,
      incidentId: existing.incidentId,
      linkedTo: existing.linkedTo,
      warnings: [],
    }

  return db.transaction(async (tx) => {
    const result = capToIncidentDraft(alert, {
      isInsideJurisdiction: await jurisdictionOf(tx, alert),
    })
    const incident =
      result.kind === 'incident' && alert.msgType === 'Alert'
        ? await incidentFrom(tx, who, result.draft, now)
        : null
    const id = randomUUID()
    const linkedTo = await referencedAlert(tx, alert)
    // Update/Cancel/Ack/Error refer to earlier messages: they are linked, never new incidents.
    const isReferral = alert.msgType !== 'Alert' && alert.references.length > 0
    const outcome = incident ? 'incident' : isReferral ? 'linked' : 'alertOnly'
    const reason =
      outcome !== 'alertOnly'
        ? null
        : result.kind === 'alertOnly'
          ? result.reason
          : 'outsideJurisdiction'
    await tx.insert(capAlerts).values({
      id,
      identifier: alert.identifier,
      sender: alert.sender,
      sent: alert.sent,
      msgType: alert.msgType,
      status: alert.status,
      references: alert.references,
      parsed: alert,
      raw: xml.toString('utf8'),
      outsideJurisdiction: reason === 'outsideJurisdiction',
      outcome,
      incidentId: incident?.incident.id ?? null,
      linkedTo,
      receivedAt: now,
    })
    await linkWaitingMessages(tx, id, alert)
    const summary = {
      identifier: alert.identifier,
      sender: alert.sender,
      msgType: alert.msgType,
      outcome,
      reason,
      incidentId: incident?.incident.id ?? null,
      linkedTo,
      headline: alert.infos[0]?.headline ?? alert.infos[0]?.event ?? null,
    }
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'cap.receive',
        objectType: 'capAlert',
        objectId: id,
        outcome: 'success',
        after: summary,
      },
      now,
    )
    await appendEvents(
      tx,
      [{ topic: 'alerts', type: 'capAlert.received', entityId: id, version: 1, data: summary }],
      now,
    )
    return {
      alertId: id,
      duplicate: false,
      outcome,
      reason,
      incidentId: incident?.incident.id ?? null,
      linkedTo,
      warnings: alert.warnings.map((w) => w.message),
    }
  })
}

async function referencedAlert(tx: Executor, alert: CapAlert): Promise<string | null> {
  for (const ref of alert.references) {
    const [row] = await tx
      .select({ id: capAlerts.id })
      .from(capAlerts)
      .where(and(eq(capAlerts.sender, ref.sender), eq(capAlerts.identifier, ref.identifier)))
    if (row) return row.id
  }
  return null
}

/** Updates and Cancels that arrived before the message they refer to are linked now. */
async function linkWaitingMessages(tx: Executor, id: string, alert: CapAlert) {
  await tx
    .update(capAlerts)
    .set({ linkedTo: id })
    .where(
      sql`${capAlerts.linkedTo} is null and ${capAlerts.references} @> ${JSON.stringify([{ sender: alert.sender, identifier: alert.identifier }])}::jsonb`,
    )
}

/**
 * A new Alert inside the city becomes an incident through the operators' own service, in a
 * savepoint: if its centre falls just outside the city the alert is still stored (alert only).
 */
async function incidentFrom(
  tx: Executor,
  who: { actor: Actor; address: string | null },
  draft: IncidentDraft,
  now: Date,
) {
  try {
    return await createIncident(
      tx,
      { actor: who.actor, address: who.address, source: 'CAP' },
      {
        title: draft.title.slice(0, 200),
        description: draft.description.slice(0, 4000),
        category: draft.category,
        grade: draft.grade,
        location: draft.location.coordinates,
        crs: 'WGS84',
        departments: [],
      },
      now,
    )
  } catch (error) {
    if (error instanceof HttpError && error.status === 400) return null
    throw error
  }
}
