import { z } from 'zod'
import { IsoDateTime, LinearRing, LngLat } from '@cityops/domain'
import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
} from './cap-enums'

// §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters
// (< and &)"; references depend on it, so it is enforced on input and output.
export const CapToken = z
  .string()
  .min(1)
  .regex(/^[^\s,<&]+$/, 'must not contain spaces, commas, < or &')

// §3.3.2 wants "YYYY-MM-DDThh:mm:ss±hh:mm"; inbound `Z` and fractions are tolerated (with a
// warning) and rewritten by the builder.
export const CapDateTime = IsoDateTime

// XSD xs:language (RFC 3066 shape).
export const CapLanguage = z
  .string()
  .regex(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/, 'must be a language tag such as zh-CN')

export const CapValuePair = z.object({ valueName: z.string(), value: z.string() })
export type CapValuePair = z.infer<typeof CapValuePair>

export const CapReference = z.object({ sender: CapToken, identifier: CapToken, sent: CapDateTime })
export type CapReference = z.infer<typeof CapReference>

export const CapWarning = z.object({ path: z.string(), message: z.string() })
export type CapWarning = z.infer<typeof CapWarning>

/** §3.2.4 circle: centre and radius in kilometres; radius 0 is a point. */
export const CapCircle = z.object({ center: LngLat, radiusKm: z.number().min(0) })
export type CapCircle = z.infer<typeof CapCircle>

/** §3.2.4 <area>; polygons are closed GeoJSON rings of [lng, lat] (CAP writes "lat,lon"). */
export const CapArea = z.object({
  areaDesc: z.string().min(1),
  polygons: z.array(LinearRing).default([]),
  circles: z.array(CapCircle).default([]),
  geocodes: z.array(CapValuePair).default([]),
  altitude: z.number().optional(),
  ceiling: z.number().optional(),
})
export type CapArea = z.infer<typeof CapArea>
export type CapAreaInput = z.input<typeof CapArea>

/** §3.2.3 <resource>. */
export const CapResource = z.object({
  resourceDesc: z.string().min(1),
  mimeType: z.string().min(1),
  size: z.number().int().min(0).optional(),
  uri: z.string().optional(),
  derefUri: z.string().optional(),
  digest: z.string().optional(),
})
export type CapResource = z.infer<typeof CapResource>

/** §3.2.2 <info>: one per language or audience. */
export const CapInfo = z.object({
  language: CapLanguage.default('en-US'),
  category: z.array(z.enum(CAP_CATEGORIES)).min(1),
  event: z.string().min(1),
  responseType: z.array(z.enum(CAP_RESPONSE_TYPES)).default([]),
  urgency: z.enum(CAP_URGENCIES),
  severity: z.enum(CAP_SEVERITIES),
  certainty: z.enum(CAP_CERTAINTIES),
  audience: z.string().optional(),
  eventCode: z.array(CapValuePair).default([]),
  effective: CapDateTime.optional(),
  onset: CapDateTime.optional(),
  expires: CapDateTime.optional(),
  senderName: z.string().optional(),
  headline: z.string().optional(),
  description: z.string().optional(),
  instruction: z.string().optional(),
  web: z.string().optional(),
  contact: z.string().optional(),
  parameter: z.array(CapValuePair).default([]),
  resources: z.array(CapResource).default([]),
  areas: z.array(CapArea).default([]),
})
export type CapInfo = z.infer<typeof CapInfo>
export type CapInfoInput = z.input<typeof CapInfo>

/** §3.2.1 <alert>, plus what the parser noticed: a signature's presence and tolerated faults. */
export const CapAlert = z.object({
  identifier: CapToken,
  sender: CapToken,
  sent: CapDateTime,
  status: z.enum(CAP_STATUSES),
  msgType: z.enum(CAP_MSG_TYPES),
  source: z.string().optional(),
  scope: z.enum(CAP_SCOPES),
  restriction: z.string().optional(),
  addresses: z.string().optional(),
  code: z.array(z.string()).default([]),
  note: z.string().optional(),
  references: z.array(CapReference).default([]),
  incidents: z.string().optional(),
  infos: z.array(CapInfo).default([]),
  /** An XML-DSig <Signature> was present. It is NOT verified. */
  signed: z.boolean().default(false),
  warnings: z.array(CapWarning).default([]),
})
export type CapAlert = z.infer<typeof CapAlert>
export type CapAlertInput = z.input<typeof CapAlert>
