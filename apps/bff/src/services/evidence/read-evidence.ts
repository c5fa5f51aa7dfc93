import { caseTarget, can, type Actor } from '@cityops/domain'
import { desc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { caseEvidence, cityCases } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { assertReadable, readCaseRecord } from '../case-workflow/case-record'
import type { EvidenceStore } from './evidence-store'
import { evidenceColumns, evidenceView } from './evidence-view'

/** GET /api/cases/:id/evidence: the case's photos, newest first (scoped like the case). */
export async function listCaseEvidence(db: Executor, actor: Actor, caseId: string) {
  assertReadable(actor, await readCaseRecord(db, caseId))
  const rows = await db
    .select(evidenceColumns)
    .from(caseEvidence)
    .where(eq(caseEvidence.caseId, caseId))
    .orderBy(desc(caseEvidence.uploadedAt), desc(caseEvidence.id))
  return { items: rows.map(evidenceView) }
}

const notFound = (id: string) => new HttpError(404, `没有证据 ${id} / There is no evidence ${id}.`)

/**
 * GET /api/evidence/:id: the bytes, readable by whoever may read its case; another department's
 * evidence does not exist for a handler (404, as its case).
 */
export async function readEvidenceFile(
  db: Executor,
  store: EvidenceStore,
  actor: Actor,
  id: string,
) {
  const [row] = await db
    .select({
      sha256: caseEvidence.sha256,
      contentType: caseEvidence.contentType,
      responsibleDepartment: cityCases.responsibleDepartment,
    })
    .from(caseEvidence)
    .innerJoin(cityCases, eq(cityCases.id, caseEvidence.caseId))
    .where(eq(caseEvidence.id, id))
  if (!row || !can(actor, 'case.read', caseTarget(row))) throw notFound(id)
  const bytes = await store.get(row.sha256)
  if (!bytes) {
    // the row committed but its file is gone (a restore without EVIDENCE_DIR): say so plainly
    throw new HttpError(
      410,
      `证据 ${id} 的文件已不在存储中 / The file of evidence ${id} is missing from the evidence store.`,
    )
  }
  return { bytes, sha256: row.sha256, contentType: row.contentType }
}
