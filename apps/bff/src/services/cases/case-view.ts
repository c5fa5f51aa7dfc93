import type { CaseKind, CaseState, CaseUrgency } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { cityCases, type CaseChannel } from '../../db/schema'
import { beijingIso, beijingIsoOrNull } from './case-time'

/**
 * The columns every reader selects. `reporter` is deliberately absent: reporter identity is
 * private (call-backs only), so no list or public answer can leak it by accident.
 */
export const caseColumns = {
  id: cityCases.id,
  requestNumber: cityCases.requestNumber,
  kind: cityCases.kind,
  categoryCode: cityCases.categoryCode,
  componentId: cityCases.componentId,
  gridCode: cityCases.gridCode,
  status: cityCases.status,
  description: cityCases.description,
  urgency: cityCases.urgency,
  address: cityCases.address,
  districtCode: cityCases.districtCode,
  channel: cityCases.channel,
  mediaUrl: cityCases.mediaUrl,
  deadline: cityCases.deadline,
  responsibleDepartment: cityCases.responsibleDepartment,
  reportedAt: cityCases.reportedAt,
  updatedAt: cityCases.updatedAt,
  version: cityCases.version,
  lng: sql<number>`ST_X(${cityCases.location})`.mapWith(Number),
  lat: sql<number>`ST_Y(${cityCases.location})`.mapWith(Number),
}

export interface CaseRow {
  id: string
  requestNumber: string
  kind: CaseKind
  categoryCode: string
  componentId: string | null
  gridCode: string | null
  status: CaseState
  description: string
  urgency: CaseUrgency
  address: string | null
  districtCode: string
  channel: CaseChannel
  mediaUrl: string | null
  deadline: Date | null
  responsibleDepartment: string | null
  reportedAt: Date
  updatedAt: Date
  version: number
  lng: number
  lat: number
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

/** A case as staff screens and live events see it (GeoJSON location, +08:00 times). */
export function caseView(r: CaseRow) {
  return {
    id: r.id,
    requestNumber: r.requestNumber,
    kind: r.kind,
    categoryCode: r.categoryCode,
    componentId: r.componentId,
    gridCode: r.gridCode,
    status: r.status,
    description: r.description,
    urgency: r.urgency,
    address: r.address,
    location: { type: 'Point' as const, coordinates: [round6(r.lng), round6(r.lat)] },
    districtCode: r.districtCode,
    channel: r.channel,
    mediaUrl: r.mediaUrl,
    deadline: beijingIsoOrNull(r.deadline),
    responsibleDepartment: r.responsibleDepartment,
    reportedAt: beijingIso(r.reportedAt),
    updatedAt: beijingIso(r.updatedAt),
    version: r.version,
  }
}
export type CaseView = ReturnType<typeof caseView>
