import { applyCaseAction, DomainError } from '@cityops/domain'
import type { Database, Executor } from '../../db/client'
import { HttpError } from '../../http/http-error'
import { beijingIso } from '../cases/case-time'
import { assertEvidenceOfCase } from '../evidence/assert-evidence'
import { CASE_ACTION_KEYS } from '../idempotency/action-key-stores'
import { runWorkflowAction, type ActionEnvelope } from '../workflow-actions/action-envelope'
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
export function applyCaseActionRequest(
  db: Database,
  who: Who,
  request: CaseActionRequest,
  now: Date,
  sla: CaseSlaConfig = DEFAULT_CASE_SLA,
) {
  const { caseId } = request
  const target = { objectType: 'case', objectId: caseId, keys: CASE_ACTION_KEYS } as const
  return runWorkflowAction<CaseActionResponse>(db, who, target, request, now, (tx, envelope) =>
    inTransaction(tx, who, caseId, envelope, now, sla),
  )
}

async function inTransaction(
  tx: Executor,
  who: Who,
  caseId: string,
  { action, expectedVersion, fields, ...key }: ActionEnvelope<CaseActionResponse>,
  now: Date,
  sla: CaseSlaConfig,
): Promise<CaseActionResponse> {
  const replay = await key.replayed(tx)
  if (replay) return replay
  const before = await readCaseRecord(tx, caseId, { forUpdate: true })
  assertReadable(who.actor, before)
  // a twin with the same key may have committed while this one waited for the row lock
  const twin = await key.replayed(tx)
  if (twin) return twin
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
  await key.remember(tx, response, now)
  return response
}

const categoryOf = (fields: Record<string, unknown>, before: CaseRecord) =>
  typeof fields.categoryCode === 'string' ? fields.categoryCode : before.categoryCode
