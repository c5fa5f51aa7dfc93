import {
  EvidenceUploadFields,
  readPhotoMetadata,
  sniffImageType,
  toWgs84,
  type LngLat,
} from '@cityops/domain'
import { describeIssues, HttpError, issueList } from '../../http/http-error'

export interface EvidenceUpload {
  bytes: Uint8Array
  /** What the client declared (for the refusal message only; never trusted). */
  declaredType: string
  fields: Record<string, unknown>
}

/**
 * The checks before anything is stored: form fields, size, what the bytes really are (magic
 * bytes, not the name or declared type), then time and position: the form's, else the EXIF's.
 */
export function inspectUpload(upload: EvidenceUpload, maxBytes: number) {
  const parsed = EvidenceUploadFields.safeParse(upload.fields)
  if (!parsed.success) {
    throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
  }
  if (upload.bytes.length === 0) {
    throw new HttpError(422, '上传的文件是空的 / The uploaded file is empty.')
  }
  if (upload.bytes.length > maxBytes) throw tooLarge(maxBytes)
  const contentType = sniffImageType(upload.bytes)
  if (!contentType) {
    const claimed = upload.declaredType ? `（声明为 ${upload.declaredType}）` : ''
    const claimedEn = upload.declaredType ? ` (it was sent as ${upload.declaredType})` : ''
    throw new HttpError(
      415,
      `文件不是 JPEG、PNG 或 WebP 图片${claimed} / The file is not a JPEG, PNG or WebP image${claimedEn}; send a photo.`,
      { accepted: ['image/jpeg', 'image/png', 'image/webp'] },
    )
  }
  const fields = parsed.data
  const exif =
    contentType === 'image/jpeg'
      ? readPhotoMetadata(upload.bytes)
      : { capturedAt: null, location: null }
  const given: LngLat | null =
    fields.lng !== undefined && fields.lat !== undefined ? [fields.lng, fields.lat] : null
  const location = given
    ? toWgs84({ type: 'Point', coordinates: given }, fields.crs).coordinates
    : exif.location
  const capturedAt = fields.capturedAt ?? exif.capturedAt
  return { contentType, location, capturedAt: capturedAt ? new Date(capturedAt) : null }
}

export const tooLarge = (maxBytes: number) =>
  new HttpError(
    413,
    `照片过大（上限 ${(maxBytes / 1024 / 1024).toFixed(1)} MB）/ The photo is larger than the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit.`,
    { limitBytes: maxBytes },
  )
