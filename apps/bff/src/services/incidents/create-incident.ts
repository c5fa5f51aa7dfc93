import {
  CRS_IDS,
  DepartmentCode,
  INCIDENT_CATEGORIES,
  INCIDENT_GRADES,
  LngLat,
  toWgs84,
  type Actor,
  type IncidentSource,
} from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Executor } from '../../db/client'
import { pointFromLngLat } from '../../db/geo-sql'
import { incidents } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { appendEvents } from '../../live/append-events'
import { actorAudit, assertDepartmentExists } from '../actor-audit'
import { raiseIncidentAlarm } from '../alarms/raise-incident-alarm'
import { districtAt } from '../geo-lookup'

export const CreateIncidentInput = z.object({
  title: z.string().trim().min(1, '请填写事件标题 / Give the incident a title').max(200),
  description: z.string().max(4000).default(''),
  category: z.enum(INCIDENT_CATEGORIES),
  grade: z.enum(INCIDENT_GRADES),
  gradeReason: z.string().trim().max(500).optional(),
  location: LngLat,
  // Phone SDKs report GCJ-02 (高德/腾讯) or BD-09 (百度); we store WGS84.
  crs: z.enum(CRS_IDS).default('WGS84'),
  departments: z.array(DepartmentCode).max(20).default([]),
})
export type CreateIncidentInput = z.infer<typeof CreateIncidentInput>

/**
 * One transaction: the incident, its audit entry, its `incident.created` event and, for grade
 * Ⅰ/Ⅱ, the wall's alarm with its `alarm.raised` event. `options.id`
 * lets a replayable feed (the simulator) choose a deterministic id instead of a random one.
 */
export async function createIncident(
  db: Executor,
  who: { actor: Actor | null; address: string | null; source: IncidentSource },
  input: CreateIncidentInput,
  now: Date,
  options: { id?: string } = {},
) {
  const [lng, lat] = toWgs84({ type: 'Point', coordinates: input.location }, input.crs).coordinates
  return db.transaction(async (tx) => {
    const district = await districtAt(tx, lng, lat)
    if (!district) {
      throw new HttpError(
        400,
        `位置（${lng.toFixed(5)}, ${lat.toFixed(5)}）不在郑州市范围内 / The location is outside Zhengzhou.`,
      )
    }
    for (const code of input.departments) await assertDepartmentExists(tx, code)
    const id = options.id ?? randomUUID()
    const row = {
      id,
      source: who.source,
      category: input.category,
      grade: input.grade,
      status: 'reported',
      title: input.title,
      description: input.description,
      departments: [...new Set(input.departments)],
      reportedAt: now,
      updatedAt: now,
      version: 1,
    }
    await tx.insert(incidents).values({ ...row, location: pointFromLngLat(lng, lat) })
    const after = {
      ...row,
      location: [lng, lat],
      districtCode: district,
      gradeReason: input.gradeReason ?? null,
    }
    await appendAudit(
      tx,
      {
        ...actorAudit(who.actor, who.address),
        action: 'incident.create',
        objectType: 'incident',
        objectId: id,
        outcome: 'success',
        after,
      },
      now,
    )
    const [event] = await appendEvents(
      tx,
      [
        {
          topic: 'incidents',
          type: 'incident.created',
          entityId: id,
          version: 1,
          data: after,
          departments: row.departments,
          location: [lng, lat],
        },
      ],
      now,
    )
    // Ⅰ/Ⅱ: the wall's alarm, in this transaction (null for Ⅲ/Ⅳ)
    const alarm = await raiseIncidentAlarm(tx, { ...row, location: [lng, lat] }, null, now)
    return { incident: after, seq: event?.seq ?? null, alarm }
  })
}
