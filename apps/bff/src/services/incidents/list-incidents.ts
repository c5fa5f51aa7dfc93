import type { IncidentGrade, IncidentSource, ListIncidentsQuery, ListScope } from '@cityops/domain'
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { incidents } from '../../db/schema'
import { departmentCondition } from '../layers/snapshots'
import { areaCondition } from '../area-condition'

export interface IncidentListItem {
  id: string
  source: IncidentSource
  category: string
  grade: IncidentGrade
  status: string
  title: string
  /** WGS-84 [lng, lat]. */
  location: [number, number]
  departments: string[]
  reportedAt: string
  updatedAt: string
  version: number
  /** How far its departments are: assignments made, and those finished (处置完毕). */
  assignments: { total: number; finished: number }
}

function filters(scope: ListScope, q: ListIncidentsQuery): SQL | undefined {
  return and(
    departmentCondition(sql`${incidents.departments}`, scope),
    q.from ? gte(incidents.reportedAt, new Date(q.from)) : undefined,
    q.to ? lt(incidents.reportedAt, new Date(q.to)) : undefined,
    q.category ? eq(incidents.category, q.category) : undefined,
    q.grade ? eq(incidents.grade, q.grade) : undefined,
    q.status ? inArray(incidents.status, q.status) : undefined,
    q.district ? areaCondition('incidents', q.district) : undefined,
    q.area ? areaCondition('incidents', q.area) : undefined,
  )
}

/**
 * Incidents newest first, paged, within the reader's department scope (a handler sees only
 * incidents involving its department, as on the wall); `total` counts every matching row.
 */
export async function listIncidents(
  db: Database,
  scope: ListScope,
  q: ListIncidentsQuery,
): Promise<{ total: number; items: IncidentListItem[] }> {
  const where = filters(scope, q)
  const [counted] = await db.select({ total: count() }).from(incidents).where(where)
  const rows = await db
    .select({
      id: incidents.id,
      source: incidents.source,
      category: incidents.category,
      grade: incidents.grade,
      status: incidents.status,
      title: incidents.title,
      departments: incidents.departments,
      reportedAt: incidents.reportedAt,
      updatedAt: incidents.updatedAt,
      version: incidents.version,
      lng: sql<number>`ST_X(${incidents.location})`.mapWith(Number),
      lat: sql<number>`ST_Y(${incidents.location})`.mapWith(Number),
      // One index probe per listed row (incident_assignments_incident_idx), so the desk needs
      // no detail read per row to show progress. Names written out: drizzle leaves columns
      // unqualified in a select, and an inner `id` would bind to incident_assignments.
      assignments: sql<{ total: number; finished: number }>`(
        select json_build_object('total', count(*),
          'finished', count(*) filter (where a.status = 'finished'))
        from incident_assignments a where a.incident_id = incidents.id)`,
    })
    .from(incidents)
    .where(where)
    .orderBy(desc(incidents.reportedAt), desc(incidents.id))
    .limit(q.limit)
    .offset(q.offset)
  return {
    total: counted?.total ?? 0,
    items: rows.map(({ lng, lat, reportedAt, updatedAt, ...r }) => ({
      ...r,
      location: [lng, lat],
      reportedAt: reportedAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
  }
}
