import { applyCaseAction, DomainError } from '@cityops/domain'
import { z } from 'zod'
import { appendAudit } from '../../audit/append-audit'
import type { Database } from '../../db/client'
import { describeIssues, HttpError, issueList } from '../../http/http-error'
import { actorAudit } from '../actor-audit'
import { beijingIso } from '../cases/case-time'
import { assertEvidenceOfCase } from '../evidence/assert-evidence'
import { CASE_ACTION_KEYS } from '../idempotency/action-key-stores'
import type { KeyRef } from '../idempotency/action-keys'
import { caseActionError } from './action-errors'
import { DEFAULT_CASE_SLA, clockFor, type CaseSlaConfig } from './case-sla'
import { assertReadable, caseDetail, readCaseRecord, toWorkflowCase } from './case-record'
import type { CaseRecord } from './case-record'
import {
  assertReferences,
  writeCaseAction,
  type CaseActionResponse,
  type Who,
} from './write-case-action'

export type { CaseActionResponse, Who }

/** The envelope of POST /api/cases/:id/actions; the action's own fields are checked by the domain. */
export const CaseActionBody = z.looseObject({
  action: z.string({ error: '请指定操作 / Name the action' }).min(1),
  expectedVersion: z
    .number({ error: '请提供 expectedVersion / Give the version you saw' })
    .int()
    .min(1),
})

export interface CaseActionRequest {
  caseId: string
  idempotencyKey: string
  body: unknown
}

/**
 * One workflow action (DOMAIN.md §2.1) in one transaction: row lock, version check, the
 * domain's applyCaseAction, the conditional UPDATE (version + 1), one audit entry, one
 * `case.<action>` event and the Idempotency-Key's stored answer.
 */
export async function applyCaseActionRequest(
  db: Database,
  who: Who,
  request: CaseActionRequest,
  now: Date,
  sla: CaseSlaConfig = DEFAULT_CASE_SLA,
) {
  const parsed = CaseActionBody.safeParse(request.body)
  if (!parsed.success) {
    throw new HttpError(400, describeIssues(parsed.error), { issues: issueList(parsed.error) })
  }
  const { action, expectedVersion, ...fields } = parsed.data
  const ref = CASE_ACTION_KEYS.refOf(
    who.actor.userId,
    request.idempotencyKey,
    request.caseId,
    request.body,
  )
  try {
    return await inTransaction(
      db,
      who,
      request.caseId,
      { action, expectedVersion, fields, ref },
      now,
      sla,
    )
  } catch (error) {
    if (error instanceof HttpError && error.details.code === 'ACTION_FORBIDDEN') {
      await recordDenial(db, who, request.caseId, action, now)
    }
    throw error
  }
}

interface Parsed {
  action: string
  expectedVersion: number
  fields: Record<string, unknown>
  ref: KeyRef
}

function inTransaction(
  db: Database,
  who: Who,
  caseId: string,
  { action, expectedVersion, fields, ref }: Parsed,
  now: Date,
  sla: CaseSlaConfig,
) {
  return db.transaction(async (tx) => {
    const replay = await CASE_ACTION_KEYS.find(tx, ref)
    if (replay) return replay as CaseActionResponse
    const before = await readCaseRecord(tx, caseId, { forUpdate: true })
    assertReadable(who.actor, before)
    // a twin with the same key may have committed while this one waited for the row lock
    const twin = await CASE_ACTION_KEYS.find(tx, ref)
    if (twin) return twin as CaseActionResponse
    if (before.version !== expectedVersion) {
      throw new HttpError(
        409,
        `案件已被修改（当前版本 ${before.version}）/ The case changed meanwhile (now version ${before.version}); reload and retry.`,
        { code: 'STALE_VERSION', case: caseDetail(before) },
      )
    }
    const category = action === 'file' ? categoryOf(fields, before) : before.categoryCode
    const current = toWorkflowCase(before)
    const clock = clockFor(sla, before.kind, category)
    const result = applyCaseAction(
      current,
      { ...fields, type: action },
      who.actor,
      beijingIso(now),
      clock,
    )
    if (result instanceof DomainError) throw caseActionError(result, current, who.actor)
    await assertReferences(tx, before, result)
    if (result.audit.action === 'dispose')
      await assertEvidenceOfCase(tx, before.id, result.next.evidenceIds)
    const response = await writeCaseAction(tx, who, before, result, now)
    await CASE_ACTION_KEYS.store(tx, ref, before.id, response, now)
    return response
  })
}

// Denials are audited (every permission denial), after the action's transaction rolled back.
async function recordDenial(db: Database, who: Who, caseId: string, action: string, now: Date) {
  await appendAudit(
    db,
    {
      ...actorAudit(who.actor, who.address),
      action: 'permission.denied',
      objectType: 'case',
      objectId: caseId,
      outcome: 'denied',
      after: { action },
    },
    now,
  )
}

const categoryOf = (fields: Record<string, unknown>, before: CaseRecord) =>
  typeof fields.categoryCode === 'string' ? fields.categoryCode : before.categoryCode
