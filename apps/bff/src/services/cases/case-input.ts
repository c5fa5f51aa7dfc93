import {
  CASE_KINDS,
  CASE_URGENCIES,
  CategoryCode,
  ComponentId,
  CrsName,
  EntityId,
  GridCode,
  LngLat,
  Point,
} from '@cityops/domain'
import { z } from 'zod'
import { CASE_CHANNELS } from '../../db/schema'

// What a report must carry, checked with the domain's code schemas at the door.

export const CaseReporterInput = z.object({
  userId: EntityId.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,32}$/, '电话号码格式有误 / Not a phone number')
    .optional(),
  email: z.email().max(254).optional(),
  deviceId: z.string().trim().min(1).max(128).optional(),
  accountId: z.string().trim().min(1).max(128).optional(),
})

export const MediaUrl = z.url({ protocol: /^https?$/ }).max(2000)

export const ReportCaseInput = z.object({
  kind: z.enum(CASE_KINDS),
  categoryCode: CategoryCode,
  componentId: ComponentId.optional(),
  gridCode: GridCode.optional(),
  description: z.string().trim().max(4000).default(''),
  urgency: z.enum(CASE_URGENCIES).default('normal'),
  address: z.string().trim().min(1).max(300).optional(),
  // A GeoJSON Point (the API contract) or a bare [lng, lat] (Open311 and the simulator).
  location: z
    .union([Point, LngLat], {
      error:
        '位置须为 GeoJSON Point 或 [经度, 纬度] / location must be a GeoJSON Point or [lng, lat]',
    })
    .transform((l): LngLat => ('coordinates' in l ? l.coordinates : l)),
  // Phone SDKs report GCJ-02 (高德/腾讯) or BD-09 (百度); we store WGS84.
  crs: CrsName.default('WGS84'),
  mediaUrl: MediaUrl.optional(),
  channel: z.enum(CASE_CHANNELS),
  reporter: CaseReporterInput.default({}),
})
export type ReportCaseInput = z.input<typeof ReportCaseInput>
