import { sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { EVENTS_CHANNEL } from './append-events'

/**
 * Events computed by SQL from rows the same statement writes. `events` is a select over the
 * `with` clauses yielding (topic, type, entity_id, version, data jsonb, departments jsonb, lng,
 * lat, ord); seqs follow `ord`. `result` is one value the caller wants back from its clauses.
 */
export interface ComputedEvents {
  with: readonly SQL[]
  events: SQL
  result: SQL
}

/**
 * appendEvents for batches: a gateway's thousands of rows are written, turned into events and
 * appended by ONE statement, instead of shipping every payload back and forth twice. The same
 * counter row is bumped (and stays locked until commit) in that statement, so seqs are still
 * gap-free and in commit order; the NOTIFY is still only a wake-up.
 */
export async function appendComputedEvents<T>(
  tx: Executor,
  spec: ComputedEvents,
  now: Date,
): Promise<{ result: T; appended: number }> {
  const [row] = await queryRows<{ result: T; computed: number; appended: number }>(
    tx,
    sql`with ${sql.join([...spec.with], sql`, `)},
      new_events as (${spec.events}),
      counter as (
        update event_counter set last_seq = last_seq + (select count(*) from new_events)
        where id = 1 and exists (select 1 from new_events)
        returning last_seq
      ),
      appended as (
        insert into events (seq, topic, type, entity_id, version, at, data, departments, lng, lat)
        select c.last_seq - (select count(*) from new_events) + row_number() over (order by e.ord),
          e.topic, e.type, e.entity_id, e.version, ${now.toISOString()}::timestamptz, e.data,
          e.departments, e.lng, e.lat
        from new_events e cross join counter c
        returning 1
      )
      select ${spec.result} as result,
        (select count(*)::int from new_events) as computed,
        (select count(*)::int from appended) as appended,
        case when c.last_seq is not null then pg_notify(${EVENTS_CHANNEL}, c.last_seq::text) end
      from (select 1) as one left join counter c on true`,
  )
  if (!row) throw new Error('appendComputedEvents: the statement returned no row')
  // no counter row means no seqs: fail the transaction rather than lose the events
  if (row.appended !== row.computed)
    throw new Error('event_counter row is missing: migration 0004 was not applied')
  return { result: row.result, appended: row.appended }
}
