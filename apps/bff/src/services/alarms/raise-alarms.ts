import type { Alarm } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { unnestRows } from '../../db/unnest-rows'
import { appendComputedEvents } from '../../live/append-computed-events'
import type { NewAlarm } from './raise-alarm'

/**
 * raiseAlarm for many at once (an ingest batch can cross dozens of stations): one statement
 * stores them (ON CONFLICT DO NOTHING: an existing alarm raises nothing) and appends
 * `alarm.raised` for each one stored, in the order given. Returns the alarms raised.
 */
export async function raiseAlarms(
  tx: Executor,
  list: readonly NewAlarm[],
  now: Date,
): Promise<Alarm[]> {
  if (list.length === 0) return []
  const raisedAt = now.toISOString()
  const rows = list.map((fields, ord) => {
    const alarm: Alarm = {
      ...fields,
      id: randomUUID(),
      raisedAt,
      acknowledgedAt: null,
      acknowledgedBy: null,
      version: 1,
    }
    return { ord, alarm, lng: fields.location?.[0] ?? null, lat: fields.location?.[1] ?? null }
  })
  const { result } = await appendComputedEvents<string[]>(
    tx,
    {
      with: [
        sql`input as (select * from ${unnestRows(rows, 'i', {
          ord: ['integer', (r) => r.ord],
          id: ['text', (r) => r.alarm.id],
          kind: ['text', (r) => r.alarm.kind],
          subject_id: ['text', (r) => r.alarm.subjectId],
          title: ['text', (r) => r.alarm.title],
          lng: ['double precision', (r) => r.lng],
          lat: ['double precision', (r) => r.lat],
          grade: ['text', (r) => (r.alarm.kind === 'incident' ? r.alarm.grade : null)],
          previous_grade: [
            'text',
            (r) => (r.alarm.kind === 'incident' ? r.alarm.previousGrade : null),
          ],
          aqi_level: ['integer', (r) => (r.alarm.kind === 'aqi' ? r.alarm.level : null)],
          aqi: ['integer', (r) => (r.alarm.kind === 'aqi' ? r.alarm.aqi : null)],
          observed_at: ['text', (r) => (r.alarm.kind === 'aqi' ? r.alarm.observedAt : null)],
          data: ['jsonb', (r) => r.alarm],
        })})`,
        sql`ins as (
          insert into alarms (id, kind, subject_id, title, location, raised_at, version, grade,
            previous_grade, aqi_level, aqi, observed_at)
          select id, kind, subject_id, title,
            case when lng is not null and lat is not null
              then ST_SetSRID(ST_MakePoint(lng, lat), 4326) end,
            ${raisedAt}::timestamptz, 1, grade, previous_grade, aqi_level, aqi,
            observed_at::timestamptz
          from input
          on conflict do nothing
          returning id)`,
      ],
      events: sql`select 'alerts' as topic, 'alarm.raised' as type, i.id as entity_id,
          1 as version, i.data, null::jsonb as departments, i.lng, i.lat, i.ord
        from input i join ins using (id)`,
      result: sql`(select coalesce(json_agg(id), '[]'::json) from ins)`,
    },
    now,
  )
  const stored = new Set(result)
  return rows.filter((r) => stored.has(r.alarm.id)).map((r) => r.alarm)
}
