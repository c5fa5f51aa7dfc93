import type { ListScope } from '@cityops/domain'
import { sql, type SQL } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

export interface LayerSnapshot {
  type: 'FeatureCollection'
  /** The last event seq this state includes: apply only events after it. */
  seq: number
  features: {
    type: 'Feature'
    id: string
    geometry: unknown
    properties: Record<string, unknown>
  }[]
}

/**
 * Reads the state and the log position in one repeatable-read transaction, so the snapshot is
 * exactly "all events up to seq" — state and events are written in the same transactions.
 */
export async function readSnapshot(
  db: Database,
  query: (tx: Executor) => SQL,
): Promise<LayerSnapshot> {
  return db.transaction(
    async (tx) => {
      const [counter] = await queryRows<{ last_seq: number | string }>(
        tx,
        sql`select last_seq from event_counter where id = 1`,
      )
      const rows = await queryRows<{
        id: string
        geometry: string
        properties: Record<string, unknown>
      }>(tx, query(tx))
      return {
        type: 'FeatureCollection',
        seq: Number(counter?.last_seq ?? 0),
        features: rows.map((r) => ({
          type: 'Feature',
          id: r.id,
          geometry: JSON.parse(r.geometry) as unknown,
          properties: r.properties,
        })),
      }
    },
    { isolationLevel: 'repeatable read' },
  )
}

/** SQL condition on a jsonb array of department codes for a handler's list scope. */
export function departmentCondition(column: SQL, scope: ListScope): SQL {
  if (scope.kind === 'all') return sql`true`
  if (scope.kind === 'none') return sql`false`
  return sql`${column} ?| ${`{${scope.codes.join(',')}}`}::text[]`
}

// The wall shows what is going on: every incident not yet closed, however old. Incidents
// close through closeIncident (the simulator's after a plausible duration, people's through
// the actions API), so there is no age window any more.
export const incidentsLayer = (scope: ListScope) => () =>
  sql`select id, ST_AsGeoJSON(location, 6) as geometry,
        jsonb_build_object('source', source, 'category', category, 'grade', grade, 'status', status,
          'title', title, 'departments', departments, 'reportedAt', reported_at, 'updatedAt', updated_at,
          'version', version) as properties
      from incidents
      where status <> 'closed'
        and ${departmentCondition(sql`departments`, scope)}
      order by reported_at`

export const trafficLayer = () => () =>
  sql`select id, ST_AsGeoJSON(geom, 6) as geometry,
        jsonb_build_object('name', name, 'roadClass', road_class, 'speedKmh', speed_kmh,
          'congestionLevel', congestion_level, 'observedAt', observed_at, 'version', version) as properties
      from road_segments order by id`

export const environmentLayer = () => () =>
  sql`select code as id, ST_AsGeoJSON(location, 6) as geometry,
        jsonb_build_object('name', name, 'kind', kind, 'latest', latest, 'observedAt', observed_at,
          'version', version) as properties
      from stations order by code`

export const unitsLayer = (scope: ListScope) => () =>
  sql`select id, ST_AsGeoJSON(location, 6) as geometry,
        jsonb_build_object('callSign', call_sign, 'type', type, 'departmentCode', department_code,
          'status', status, 'updatedAt', updated_at, 'version', version) as properties
      from units
      where ${departmentCondition(sql`jsonb_build_array(department_code)`, scope)}
      order by id`
