import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { caseEvidence } from '../../db/schema'
import { HttpError } from '../../http/http-error'

/**
 * 处置反馈 may cite photos (`dispose` {evidenceIds}); each must exist and belong to this case,
 * so a report can neither point at nothing nor borrow another case's proof.
 */
export async function assertEvidenceOfCase(
  tx: Executor,
  caseId: string,
  evidenceIds: readonly string[],
) {
  const wanted = [...new Set(evidenceIds)]
  if (wanted.length === 0) return
  const found = await tx
    .select({ id: caseEvidence.id })
    .from(caseEvidence)
    .where(and(eq(caseEvidence.caseId, caseId), inArray(caseEvidence.id, wanted)))
  const known = new Set(found.map((r) => r.id))
  const missing = wanted.filter((id) => !known.has(id))
  if (missing.length === 0) return
  throw new HttpError(
    422,
    `证据 ${missing.join('、')} 不属于本案件 / Evidence ${missing.join(', ')} does not exist or belongs to another case; upload it to this case first.`,
    {
      code: 'UNKNOWN_EVIDENCE',
      issues: missing.map((id) => ({
        path: 'evidenceIds',
        message: `${id}: 不属于本案件 / not evidence of this case`,
      })),
    },
  )
}
