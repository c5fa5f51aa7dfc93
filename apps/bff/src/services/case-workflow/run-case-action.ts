import { applyCaseAction, DomainError } from '@cityops/domain'
import type { Database } from '../../db/client'
import { beijingIso } from '../cases/case-time'
import { DEFAULT_CASE_SLA, clockFor, type CaseSlaConfig } from './case-sla'
import { readCaseRecord, toWorkflowCase } from './case-record'
import { assertReferences, writeCaseAction, type Who } from './write-case-action'

/**
 * The in-process path of one case workflow action (the history backfill): the same row lock,
 * domain rules, references check and write (case_actions, audit, `case.*` event) as
 * POST /api/cases/:id/actions, without the HTTP envelope's version and Idempotency-Key.
 * Refusals are DomainErrors or HttpErrors, as there.
 */
export function runCaseAction(
  db: Database,
  who: Who,
  caseId: string,
  command: { type: string } & Record<string, unknown>,
  now: Date,
  sla: CaseSlaConfig = DEFAULT_CASE_SLA,
) {
  return db.transaction(async (tx) => {
    const before = await readCaseRecord(tx, caseId, { forUpdate: true })
    const category =
      command.type === 'file' && typeof command.categoryCode === 'string'
        ? command.categoryCode
        : before.categoryCode
    const result = applyCaseAction(
      toWorkflowCase(before),
      command,
      who.actor,
      beijingIso(now),
      clockFor(sla, before.kind, category),
    )
    if (result instanceof DomainError) throw result
    await assertReferences(tx, before, result)
    return writeCaseAction(tx, who, before, result, now)
  })
}
