import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import { DepartmentCode } from '../department'
import { KnownAdminCode } from '../district'
import { Point } from '../geo'
import { INCIDENT_CATEGORIES, INCIDENT_SOURCES } from './incident-category'
import { INCIDENT_GRADES } from './incident-grade'

export const INCIDENT_STATUSES = [
  'reported',
  'confirmed',
  'responding',
  'resolved',
  'closed',
] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

// `reported → closed` covers false alarms and duplicates; assigning a department moves an
// incident to `responding` (from `reported` too: dispatching confirms it); `resolved →
// responding` reopens an incident that flares up again before it is closed.
export const INCIDENT_STATUS_TRANSITIONS = {
  reported: ['confirmed', 'responding', 'closed'],
  confirmed: ['responding', 'resolved', 'closed'],
  responding: ['resolved'],
  resolved: ['closed', 'responding'],
  closed: [],
} as const satisfies Record<IncidentStatus, readonly IncidentStatus[]>

export function canTransitionIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  const allowed: readonly IncidentStatus[] = INCIDENT_STATUS_TRANSITIONS[from]
  return allowed.includes(to)
}

export const Incident = z.object({
  id: EntityId,
  title: z.string().min(1).max(200),
  description: z.string().max(4000),
  source: z.enum(INCIDENT_SOURCES),
  category: z.enum(INCIDENT_CATEGORIES),
  grade: z.enum(INCIDENT_GRADES),
  status: z.enum(INCIDENT_STATUSES),
  location: Point,
  address: z.string().nullable(),
  districtCode: KnownAdminCode.nullable(),
  involvedDepartments: z
    .array(DepartmentCode)
    .refine((codes) => new Set(codes).size === codes.length, 'Department codes must be unique'),
  reportedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(1),
})
export type Incident = z.infer<typeof Incident>
