import { CASE_STATE_LABELS, evidenceUploadDenial } from '@cityops/domain'
import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../audit/append-audit'
import type { Database, Executor } from '../../db/client'
import { pointFromLngLat } from '../../db/geo-sql'
import { caseEvidence } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { appendEvents } from '../../live/append-events'
import { actorAudit } from '../actor-audit'
import { caseDetail, readCaseRecord, type CaseRecord } from '../case-workflow/case-record'
import type { Who } from '../case-workflow/write-case-action'
import { CASE_STATE_LABELS_EN } from '../cases/case-catalogue'
import type { EvidenceStore } from './evidence-store'
import { evidenceView } from './evidence-view'
import { inspectUpload, type EvidenceUpload } from './inspect-upload'

export type { EvidenceUpload }

const FORBIDDEN = 'EVIDENCE_FORBIDDEN'

/** 404 when the actor cannot see the case, 403 when it is not their step to add photos. */
function assertMayUpload(who: Who, c: CaseRecord) {
  const denial = evidenceUploadDenial(who.actor, c)
  if (denial === null) return
  if (denial === 'notReadable')
    throw new HttpError(404, `没有案件 ${c.id} / There is no case ${c.id}.`)
  throw new HttpError(
    403,
    `案件处于「${CASE_STATE_LABELS[c.status]}」状态，此时您不能添加证据 / You may not add evidence to this case while it is ${CASE_STATE_LABELS_EN[c.status].toLowerCase()} (${c.status}).`,
    { code: FORBIDDEN, status: c.status },
  )
}

/** Checked before the body is read, so a refused upload costs no disk write. */
export async function assertMayAddEvidence(db: Database, who: Who, caseId: string, now: Date) {
  await auditingDenial(db, who, caseId, now, async () =>
    assertMayUpload(who, await readCaseRecord(db, caseId)),
  )
}

/**
 * POST /api/cases/:id/evidence: checks the bytes (magic bytes, size), takes time and position
 * from the form or else the photo's EXIF, stores the bytes (content-addressed) and then, in one
 * transaction, the row, its audit entry and a `case.evidenceAdded` event. If that transaction
 * fails the stored file stays behind unreferenced: harmless, as the same bytes would land on
 * the same name, and it is never served without a row.
 */
export async function addCaseEvidence(
  db: Database,
  store: EvidenceStore,
  who: Who,
  caseId: string,
  upload: EvidenceUpload,
  limits: { maxBytes: number },
  now: Date,
) {
  const photo = inspectUpload(upload, limits.maxBytes)
  const { sha256 } = await store.put(upload.bytes)
  return auditingDenial(db, who, caseId, now, () =>
    db.transaction(async (tx) => {
      const before = await readCaseRecord(tx, caseId, { forUpdate: true })
      assertMayUpload(who, before) // the case may have moved on while the bytes were stored
      const id = randomUUID()
      const [lng, lat] = photo.location ?? [null, null]
      await tx.insert(caseEvidence).values({
        id,
        caseId,
        sha256,
        contentType: photo.contentType,
        bytes: upload.bytes.length,
        capturedAt: photo.capturedAt,
        location: lng === null || lat === null ? null : pointFromLngLat(lng, lat),
        uploadedBy: who.actor.userId,
        uploadedAt: now,
        caseStatus: before.status,
      })
      const evidence = evidenceView({
        id,
        caseId,
        sha256,
        contentType: photo.contentType,
        bytes: upload.bytes.length,
        capturedAt: photo.capturedAt,
        lng,
        lat,
        uploadedBy: who.actor.userId,
        uploadedAt: now,
        caseStatus: before.status,
      })
      await record(tx, who, before, evidence, now)
      return { evidence }
    }),
  )
}

type Evidence = ReturnType<typeof evidenceView>

async function record(tx: Executor, who: Who, before: CaseRecord, evidence: Evidence, now: Date) {
  const { url: _url, ...summary } = evidence
  await appendAudit(
    tx,
    {
      ...actorAudit(who.actor, who.address),
      action: 'case.evidenceAdded',
      objectType: 'case',
      objectId: before.id,
      outcome: 'success',
      after: summary,
    },
    now,
  )
  // The whole case rides along, as on every cases event (the wall reduces whole entities); the
  // case's version does not change: a photo is not a workflow step.
  await appendEvents(
    tx,
    [
      {
        topic: 'cases',
        type: 'case.evidenceAdded',
        entityId: before.id,
        version: before.version,
        data: { ...caseDetail(before), evidence },
        departments: before.responsibleDepartment ? [before.responsibleDepartment] : null,
        location: [before.lng, before.lat],
      },
    ],
    now,
  )
}

// Every permission denial is audited, after the refused work rolled back.
async function auditingDenial<T>(
  db: Database,
  who: Who,
  caseId: string,
  now: Date,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof HttpError && error.details.code === FORBIDDEN) {
      await appendAudit(
        db,
        {
          ...actorAudit(who.actor, who.address),
          action: 'permission.denied',
          objectType: 'case',
          objectId: caseId,
          outcome: 'denied',
          after: { action: 'addEvidence', status: error.details.status },
        },
        now,
      )
    }
    throw error
  }
}
