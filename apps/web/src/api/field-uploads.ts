import type { CaseKind } from '@cityops/domain'
import { ApiError, parseProblem } from './errors'
import { apiFetch, apiRequest, readJson, trustBody } from './http'

/** A WGS84 position as the phone's browser reports it. */
export type DevicePosition = { lng: number; lat: number }

/** What `POST /api/cases/:id/evidence` answers (the fields the field app uses). */
export type UploadedEvidence = { id: string; url: string }

export type EvidenceMeta = { capturedAt?: string; position?: DevicePosition | null }

/**
 * `POST /api/cases/:id/evidence` as multipart: `file`, plus the capture time and the device's
 * position when known. The browser sets the multipart boundary itself.
 */
export async function uploadEvidence(
  caseId: string,
  file: File,
  meta: EvidenceMeta = {},
): Promise<UploadedEvidence> {
  const form = new FormData()
  form.append('file', file, file.name || 'photo.jpg')
  if (meta.capturedAt) form.append('capturedAt', meta.capturedAt)
  if (meta.position) {
    form.append('lng', String(meta.position.lng))
    form.append('lat', String(meta.position.lat))
  }
  const response = await apiFetch(`/cases/${encodeURIComponent(caseId)}/evidence`, {
    method: 'POST',
    body: form,
  })
  const body = await readJson(response)
  if (!response.ok) throw new ApiError(response.status, parseProblem(body))
  return trustBody<{ evidence: UploadedEvidence }>(body).evidence
}

/** The body of `POST /api/cases` from the inspector's phone (apps/bff/src/routes/cases.ts). */
export type CaseReport = {
  kind: CaseKind
  categoryCode: string
  description: string
  location: { type: 'Point'; coordinates: [number, number] }
  address?: string
}

export type ReportedCase = { id: string; requestNumber: string; version: number }

/** `POST /api/cases` → 201 with the case in state REPORTED. */
export async function reportCase(report: CaseReport): Promise<ReportedCase> {
  const body = await apiRequest('/cases', { method: 'POST', body: report })
  const created = trustBody<ReportedCase | { case: ReportedCase }>(body)
  return 'case' in created ? created.case : created
}

// A phone's first fix can take a while outdoors; a photo is still worth sending without one.
const POSITION_TIMEOUT_MS = 10_000
const POSITION_MAX_AGE_MS = 60_000

/**
 * The device's position if the person allows it, or null (denied, unavailable, timed out).
 * Never throws: position is a help, not a requirement.
 */
export function currentPosition(): Promise<DevicePosition | null> {
  const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation
  if (!geo) return Promise.resolve(null)
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: POSITION_TIMEOUT_MS, maximumAge: POSITION_MAX_AGE_MS },
    )
  })
}
