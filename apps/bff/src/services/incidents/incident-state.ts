import {
  DomainError,
  type IncidentActionTarget,
  type IncidentGrade,
  type IncidentSource,
} from '@cityops/domain'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { incidents } from '../../db/schema'
import { districtAt, districtContaining } from '../geo-lookup'

/** An incident as its live events carry it: the same shape as `incident.created`'s data. */
export interface IncidentState extends IncidentActionTarget {
  source: IncidentSource
  category: string
  grade: IncidentGrade
  title: string
  description: string | null
  departments: string[]
  reportedAt: Date
  updatedAt: Date
  location: [number, number]
  districtCode: string | null
}

const columns = {
  id: incidents.id,
  source: incidents.source,
  category: incidents.category,
  grade: incidents.grade,
  status: incidents.status,
  title: incidents.title,
  description: incidents.description,
  departments: incidents.departments,
  reportedAt: incidents.reportedAt,
  updatedAt: incidents.updatedAt,
  version: incidents.version,
  lng: sql<number>`ST_X(${incidents.location})`.mapWith(Number),
  lat: sql<number>`ST_Y(${incidents.location})`.mapWith(Number),
}
type Row = Awaited<ReturnType<typeof selectLocked>>[number]

const selectLocked = (tx: Executor, id: string) =>
  tx.select(columns).from(incidents).where(eq(incidents.id, id)).for('update')

// status is written only from INCIDENT_STATUSES (services and the domain schema).
const toState = (
  { lng, lat, status, ...row }: Row,
  districtCode: string | null,
): IncidentState => ({
  ...row,
  status: status as IncidentState['status'],
  location: [lng, lat],
  districtCode,
})

/** Reads and row-locks the incident for a change in this transaction; NOT_FOUND if absent. */
export async function lockIncident(tx: Executor, id: string): Promise<IncidentState> {
  const [row] = await selectLocked(tx, id)
  if (!row) throw new DomainError('NOT_FOUND', `没有事件 ${id} / There is no incident ${id}.`)
  return toState(row, await districtAt(tx, row.lng, row.lat))
}

/** Reads the incident without locking it; NOT_FOUND if absent. */
export async function readIncident(db: Executor, id: string): Promise<IncidentState> {
  const [state] = await readIncidents(db, [id])
  if (!state) throw new DomainError('NOT_FOUND', `没有事件 ${id} / There is no incident ${id}.`)
  return state
}

/**
 * Reads incidents without locking them, in no particular order (absent ids are left out): one
 * statement, the district found in it.
 */
export async function readIncidents(
  db: Executor,
  ids: readonly string[],
): Promise<IncidentState[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({
      ...columns,
      // written out: drizzle leaves a select's columns unqualified
      districtCode: districtContaining(sql`incidents.location`),
    })
    .from(incidents)
    .where(inArray(incidents.id, [...ids]))
  return rows.map(({ districtCode, ...row }) => toState(row, districtCode))
}

/**
 * Applies `changes` only if the row is still at `expectedVersion` (conditional UPDATE, version
 * + 1): the race is settled in SQL, not by the check that came before it.
 */
export async function updateIncidentAtVersion(
  tx: Executor,
  before: IncidentState,
  expectedVersion: number,
  changes: { grade?: IncidentGrade; status?: string; departments?: string[] },
  now: Date,
): Promise<IncidentState> {
  const [row] = await tx
    .update(incidents)
    .set({ ...changes, updatedAt: now, version: sql`${incidents.version} + 1` })
    .where(and(eq(incidents.id, before.id), eq(incidents.version, expectedVersion)))
    .returning(columns)
  if (!row) {
    throw new DomainError(
      'CONFLICT',
      `事件 ${before.id} 已被修改 / Incident ${before.id} changed meanwhile; reload it and try again.`,
    )
  }
  return toState(row, before.districtCode)
}
