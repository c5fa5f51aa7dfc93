import { z } from 'zod'
import { EntityId, IsoDateTime } from '../common'
import { Sha256Hex } from '../audit-entry'
import { CrsName } from '../coord-transform'
import { Latitude, Longitude, Point } from '../geo'
import { EVIDENCE_CONTENT_TYPES } from './image-type'

/** A photo attached to a case, as every endpoint and event shows it. */
export const CaseEvidence = z.object({
  id: EntityId,
  caseId: EntityId,
  sha256: Sha256Hex,
  contentType: z.enum(EVIDENCE_CONTENT_TYPES),
  bytes: z.number().int().positive(),
  /** When the photo was taken (the form's capturedAt, else EXIF), +08:00; null if unknown. */
  capturedAt: IsoDateTime.nullable(),
  /** Where it was taken, WGS84; null if unknown. */
  location: Point.nullable(),
  uploadedBy: EntityId,
  uploadedAt: IsoDateTime,
  /** The case's state when the photo was added (which step it documents). */
  caseStatus: z.string(),
  url: z.string(),
})
export type CaseEvidence = z.infer<typeof CaseEvidence>

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optionalNumber = <S extends z.ZodNumber>(schema: S) =>
  z.preprocess(blankToUndefined, z.coerce.number().pipe(schema).optional())

/**
 * The text fields of the multipart upload besides `file`. A position needs both lng and lat;
 * `crs` says which datum they are in (phones' map SDKs give GCJ-02 or BD-09).
 */
export const EvidenceUploadFields = z
  .object({
    capturedAt: z.preprocess(blankToUndefined, IsoDateTime.optional()),
    lng: optionalNumber(Longitude),
    lat: optionalNumber(Latitude),
    crs: z.preprocess(blankToUndefined, CrsName.default('WGS84')),
  })
  .refine((f) => (f.lng === undefined) === (f.lat === undefined), {
    message: '经度和纬度须同时提供 / Give both lng and lat, or neither',
    path: ['lng'],
  })
export type EvidenceUploadFields = z.output<typeof EvidenceUploadFields>
