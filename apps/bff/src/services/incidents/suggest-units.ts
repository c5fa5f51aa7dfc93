import {
  INCIDENT_CATEGORY_UNIT_TYPES,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type IncidentCategory,
  type UnitType,
} from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { readIncident } from './incident-state'

export const UnitSuggestionQuery = z.object({
  types: z
    .string()
    .optional()
    .transform((s) => (s ? [...new Set(s.split(',').map((t) => t.trim()))] : undefined))
    .pipe(
      z
        .array(
          z.enum(UNIT_TYPES, {
            error: `车辆类型须为 ${UNIT_TYPES.join('、')} 之一 / types must be among ${UNIT_TYPES.join(', ')}`,
          }),
        )
        .min(1)
        .optional(),
    ),
  perType: z.coerce
    .number({ error: 'perType 须为数字 / perType must be a number' })
    .int()
    .min(1, 'perType 至少为 1 / perType must be at least 1')
    .max(10, 'perType 最多 10 / perType must be at most 10')
    .default(3),
})
export type UnitSuggestionQuery = z.infer<typeof UnitSuggestionQuery>

interface Row extends Record<string, unknown> {
  id: string
  call_sign: string
  type: UnitType
  department_code: string
  lng: number
  lat: number
  distance_m: number
}

/**
 * The nearest `available` units of each needed type (by default the incident category's usual
 * types), by geodesic distance from the incident (PostGIS ST_Distance on geography); units
 * already on an open assignment are left out.
 */
export async function suggestUnits(db: Executor, incidentId: string, query: UnitSuggestionQuery) {
  const incident = await readIncident(db, incidentId)
  const category = incident.category as IncidentCategory
  const types: readonly UnitType[] =
    query.types ?? INCIDENT_CATEGORY_UNIT_TYPES[category] ?? INCIDENT_CATEGORY_UNIT_TYPES.other
  const [lng, lat] = incident.location
  const rows = await queryRows<Row>(
    db,
    sql`select id, call_sign, type, department_code, lng, lat, distance_m from (
          select u.id, u.call_sign, u.type, u.department_code,
                 ST_X(u.location) as lng, ST_Y(u.location) as lat,
                 ST_Distance(u.location::geography, t.g) as distance_m,
                 row_number() over (partition by u.type order by ST_Distance(u.location::geography, t.g), u.id) as rank
          from units u,
               (select ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)::geography as g) t
          where u.status = 'available'
            and u.type in (${sql.join(
              types.map((t) => sql`${t}`),
              sql`, `,
            )})
            and not exists (
              select 1 from incident_assignments a
              where a.status <> 'finished' and u.id = any(a.unit_ids))
        ) ranked
        where rank <= ${query.perType}
        order by distance_m, id`,
  )
  return {
    incidentId,
    types,
    suggestions: rows.map((r) => {
      const distanceM = Math.round(Number(r.distance_m))
      const km = (distanceM / 1000).toFixed(1)
      const label = UNIT_TYPE_LABELS[r.type]
      return {
        unitId: r.id,
        callSign: r.call_sign,
        type: r.type,
        departmentCode: r.department_code,
        location: [Number(r.lng), Number(r.lat)] as [number, number],
        distanceM,
        reason: `最近的待命${label.zh}车辆，直线距离 ${km} 公里 / Nearest available ${label.en.toLowerCase()} unit, ${km} km in a straight line`,
      }
    }),
  }
}
