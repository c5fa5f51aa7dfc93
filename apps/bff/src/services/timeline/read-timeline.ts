import {
  TIMELINE_MAX_ENTRIES,
  type Actor,
  type LiveTopic,
  type Timeline,
  type TimelineEntry,
  type TimelineTopic,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { isVisible } from '../../realtime/client-stream'

// The audit object types whose entries describe a topic's events.
const AUDITED_AS: Record<TimelineTopic, readonly string[]> = {
  incidents: ['incident'],
  cases: ['case'],
  alerts: ['alarm', 'capAlert'],
}

interface Row extends Record<string, unknown> {
  seq: number | string
  topic: LiveTopic
  type: string
  entity_id: string
  version: number
  at: Date | string
  data: unknown
  departments: string[] | null
  lng: number | null
  lat: number | null
  actor_id: string | null
  actor_role: string | null
  actor_name: string | null
}

/**
 * One entity's events, oldest first, filtered exactly like live push (each event by its own
 * departments). Null when nothing is visible — unknown and not-yours look the same (404).
 *
 * The actor comes from the audit entry of the same transaction: services pass one `now` to
 * appendAudit and appendEvents, so the entry has the event's object id and time, and (where
 * the entry records it) the same version. Events with no such entry (readings, alarms raised
 * by the system) have actor null.
 */
export async function readTimeline(
  db: Database,
  actor: Actor,
  topic: TimelineTopic,
  id: string,
): Promise<Timeline | null> {
  const types = sql.join(
    AUDITED_AS[topic].map((t) => sql`${t}`),
    sql`, `,
  )
  const rows = await queryRows<Row>(
    db,
    sql`select e.seq, e.topic, e.type, e.entity_id, e.version, e.at, e.data, e.departments,
          e.lng, e.lat, a.actor_id, a.role as actor_role, u.display_name as actor_name
        from events e
        left join lateral (
          select actor_id, role from audit_log a
          where a.object_id = e.entity_id and a.at = e.at and a.object_type in (${types})
            and a.outcome = 'success'
            and (a.after->>'version' is null or a.after->>'version' = e.version::text)
          order by a.seq limit 1) a on true
        left join users u on u.id::text = a.actor_id
        where e.topic = ${topic} and e.entity_id = ${id}
        order by e.seq
        limit ${TIMELINE_MAX_ENTRIES + 1}`,
  )
  const topics = new Set<LiveTopic>([topic])
  const visible = rows.slice(0, TIMELINE_MAX_ENTRIES).filter((r) =>
    isVisible(actor, topics, null, {
      seq: Number(r.seq),
      topic: r.topic,
      type: r.type,
      entityId: r.entity_id,
      version: r.version,
      at: new Date(r.at),
      data: r.data,
      departments: r.departments,
      lng: r.lng,
      lat: r.lat,
    }),
  )
  if (visible.length === 0) return null
  return {
    topic,
    id,
    entries: visible.map(toEntry),
    hasMore: rows.length > TIMELINE_MAX_ENTRIES,
  }
}

function toEntry(r: Row): TimelineEntry {
  return {
    seq: Number(r.seq),
    type: r.type,
    at: new Date(r.at).toISOString(),
    version: r.version,
    data: r.data,
    actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name, role: r.actor_role } : null,
  }
}
