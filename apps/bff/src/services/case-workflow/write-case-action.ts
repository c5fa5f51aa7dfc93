import {
  allowedActions,
  CASE_EVENT_TYPES,
  type Actor,
  type CaseActionResult,
} from '@cityops/domain'
import { and, eq, sql } from 'drizzle-orm'
import { appendAudit } from '../../audit/append-audit'
import type { Executor } from '../../db/client'
import { cityCases } from '../../db/schema'
import { HttpError } from '../../http/http-error'
import { appendEvents } from '../../live/append-events'
import { actorAudit, assertDepartmentExists } from '../actor-audit'
import { findCategory } from '../cases/case-catalogue'
import { caseDetail, readCaseRecord, toWorkflowCase, workflowColumns } from './case-record'
import type { CaseRecord } from './case-record'
import { recordCaseHistory } from './case-history'

export type Who = { actor: Extract<Actor, { kind: 'user' }>; address: string | null }

// What the domain cannot know: the department and the 小类 must exist here.
export async function assertReferences(
  tx: Executor,
  before: CaseRecord,
  { next, audit }: CaseActionResult,
) {
  if (audit.action === 'dispatch' && next.responsibleDepartment) {
    await assertDepartmentExists(tx, next.responsibleDepartment)
  }
  if (
    audit.action === 'file' &&
    next.categoryCode &&
    !findCategory(before.kind, next.categoryCode)
  ) {
    throw new HttpError(
      400,
      `没有类别 ${next.categoryCode} / There is no ${before.kind} category ${next.categoryCode}.`,
      {
        issues: [{ path: 'categoryCode', message: '类别不存在 / Unknown category' }],
      },
    )
  }
}

/** The conditional UPDATE (version + 1), its audit entry and its `case.<action>` event. */
export async function writeCaseAction(
  tx: Executor,
  who: Who,
  before: CaseRecord,
  { next, audit }: CaseActionResult,
  now: Date,
) {
  const [row] = await tx
    .update(cityCases)
    .set({ ...workflowColumns(next, now), version: sql`${cityCases.version} + 1` })
    .where(and(eq(cityCases.id, before.id), eq(cityCases.version, before.version)))
    .returning({ id: cityCases.id })
  if (!row)
    throw new HttpError(409, '案件已被修改 / The case changed meanwhile.', {
      code: 'STALE_VERSION',
    })
  const after = await readCaseRecord(tx, before.id)
  const view = caseDetail(after)
  await recordCaseHistory(tx, before, after, { next, audit }, now)
  await appendAudit(
    tx,
    {
      ...actorAudit(who.actor, who.address),
      action: `case.${audit.action}`,
      objectType: 'case',
      objectId: before.id,
      outcome: 'success',
      before: { status: before.status, version: before.version },
      after: {
        status: view.status,
        version: view.version,
        summary: audit.summary,
        command: audit.command,
      },
    },
    now,
  )
  // both the department that had it and the one that has it now hear about it
  const departments = [
    ...new Set([before.responsibleDepartment, after.responsibleDepartment]),
  ].filter((d): d is string => d !== null)
  const [event] = await appendEvents(
    tx,
    [
      {
        topic: 'cases',
        type: CASE_EVENT_TYPES[audit.action],
        entityId: before.id,
        version: view.version,
        data: view,
        departments: departments.length > 0 ? departments : null,
        location: [after.lng, after.lat],
      },
    ],
    now,
  )
  return {
    case: view,
    allowedActions: allowedActions(toWorkflowCase(after), who.actor),
    seq: event?.seq ?? null,
  }
}

export type CaseActionResponse = Awaited<ReturnType<typeof writeCaseAction>>
