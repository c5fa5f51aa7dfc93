import type { Incident } from '@cityops/domain'
import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { incidents } from '../../db/schema'
import { districtAt } from '../geo-lookup'

/** The incident as the domain models it, or null. */
export async function findIncident(db: Executor, id: string): Promise<Incident | null> {
  const [row] = await db
    .select({
      incident: incidents,
      lng: sql<number>`ST_X(${incidents.location})`,
      lat: sql<number>`ST_Y(${incidents.location})`,
    })
    .from(incidents)
    .where(eq(incidents.id, id))
  if (!row) return null
  const { incident, lng, lat } = row
  return {
    id: incident.id,
    title: incident.title,
    description: incident.description ?? '',
    source: incident.source,
    category: incident.category as Incident['category'],
    grade: incident.grade,
    status: incident.status as Incident['status'],
    location: { type: 'Point', coordinates: [lng, lat] },
    address: null,
    districtCode: (await districtAt(db, lng, lat)) as Incident['districtCode'],
    involvedDepartments: incident.departments,
    reportedAt: incident.reportedAt.toISOString(),
    updatedAt: incident.updatedAt.toISOString(),
    version: incident.version,
  }
}
