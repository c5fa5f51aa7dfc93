import type { CaseEvidence, CaseState, EvidenceContentType } from '@cityops/domain'
import { sql } from 'drizzle-orm'
import { caseEvidence } from '../../db/schema'
import { beijingIso, beijingIsoOrNull } from '../cases/case-time'

export const evidenceColumns = {
  id: caseEvidence.id,
  caseId: caseEvidence.caseId,
  sha256: caseEvidence.sha256,
  contentType: caseEvidence.contentType,
  bytes: caseEvidence.bytes,
  capturedAt: caseEvidence.capturedAt,
  lng: sql<number | null>`ST_X(${caseEvidence.location})`,
  lat: sql<number | null>`ST_Y(${caseEvidence.location})`,
  uploadedBy: caseEvidence.uploadedBy,
  uploadedAt: caseEvidence.uploadedAt,
  caseStatus: caseEvidence.caseStatus,
}

export interface EvidenceRow {
  id: string
  caseId: string
  sha256: string
  contentType: EvidenceContentType
  bytes: number
  capturedAt: Date | null
  lng: number | string | null
  lat: number | string | null
  uploadedBy: string
  uploadedAt: Date
  caseStatus: CaseState
}

const round6 = (x: number | string) => Math.round(Number(x) * 1e6) / 1e6

/** The evidence as endpoints and events show it; `url` serves the bytes (GET /api/evidence/:id). */
export function evidenceView(r: EvidenceRow): CaseEvidence {
  return {
    id: r.id,
    caseId: r.caseId,
    sha256: r.sha256,
    contentType: r.contentType,
    bytes: Number(r.bytes),
    capturedAt: beijingIsoOrNull(r.capturedAt),
    location:
      r.lng === null || r.lat === null
        ? null
        : { type: 'Point', coordinates: [round6(r.lng), round6(r.lat)] },
    uploadedBy: r.uploadedBy,
    uploadedAt: beijingIso(r.uploadedAt),
    caseStatus: r.caseStatus,
    url: `/api/evidence/${encodeURIComponent(r.id)}`,
  }
}
