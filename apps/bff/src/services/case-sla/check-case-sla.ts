import {
  applyCaseAction,
  CLOCK_STATES,
  DomainError,
  escalationFor,
  SLA_WARNING_EVENT_TYPES,
  slaStatus,
  timeLimitFor,
  type CaseSlaConfig,
  type SlaWarning,
  type UserActor,
} from '@cityops/domain'
import { and, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { caseSlaWarnings, cityCases } from '../../db/schema'
import { appendEvents } from '../../live/append-events'
import { calendarFor, clockFor } from '../case-workflow/case-sla'
import {
  caseDetail,
  readCaseRecord,
  toWorkflowCase,
  type CaseRecord,
} from '../case-workflow/case-record'
import { writeCaseAction } from '../case-workflow/write-case-action'
import { withQueueFields } from '../cases/case-sla-view'
import { beijingIso, beijingIsoOrNull } from '../cases/case-time'
import { loadCaseSla } from './sla-settings'

// The escalation ladder acts as the system, with a leader's one act (督办) and nothing else;
// its audit entries name it (actor_id "system:sla").
export const SLA_SYSTEM_ACTOR: UserActor = {
  kind: 'user',
  userId: 'system:sla',
  role: 'leader',
  departmentCode: null,
}

export interface SlaCheckResult {
  emitted: { caseId: string; warning: SlaWarning; escalated: boolean }[]
}

/**
 * One pass of the SLA watch (DOMAIN.md §2.1 "Time limits" rule 2): every case whose 处置
 * clock is about to run out or has run out gets `case.breachSoonWarned` / `case.overdueWarned` once per
 * deadline, and the configured ladder raises 督办. Safe on several nodes at once: the
 * warning's primary key decides who emits, in the same transaction as the event.
 */
export async function checkCaseSla(db: Database, now: Date): Promise<SlaCheckResult> {
  const { config } = await loadCaseSla(db)
  const warned = (w: SlaWarning) =>
    sql`exists (select 1 from ${caseSlaWarnings} w where w.case_id = ${cityCases.id}
      and w.warning = ${w} and w.deadline = ${cityCases.deadline})`
  const candidates = await db
    .select({
      id: cityCases.id,
      kind: cityCases.kind,
      categoryCode: cityCases.categoryCode,
      status: cityCases.status,
      deadline: cityCases.deadline,
      suspendedAt: cityCases.suspendedAt,
      isSoonWarned: sql<boolean>`${warned('breachSoon')}`,
    })
    .from(cityCases)
    .where(
      and(
        inArray(cityCases.status, [...CLOCK_STATES]),
        isNotNull(cityCases.deadline),
        sql`not ${warned('overdue')}`,
      ),
    )
  const result: SlaCheckResult = { emitted: [] }
  for (const c of candidates) {
    const warning = warningOf(c, config, now)
    if (!warning || (warning === 'breachSoon' && c.isSoonWarned)) continue
    const emitted = await emitWarning(db, c.id, warning, config, now)
    if (emitted) result.emitted.push(emitted)
  }
  return result
}

type ClockFields = Pick<CaseRecord, 'kind' | 'categoryCode' | 'status' | 'deadline' | 'suspendedAt'>

/** The warning a case's clock calls for now, if any (none while 挂账 pauses it). */
function warningOf(c: ClockFields, config: CaseSlaConfig, now: Date): SlaWarning | null {
  const status = slaStatus(
    {
      status: c.status,
      deadline: beijingIsoOrNull(c.deadline),
      suspendedAt: beijingIsoOrNull(c.suspendedAt),
      limit: timeLimitFor(config, c.kind, c.categoryCode),
      isPausedWhileSuspended: config.policy.isPausedWhileSuspended,
      now: beijingIso(now),
      medianHandlingMinutes: null,
    },
    calendarFor(config),
  )
  if (!status || status.paused) return null
  return status.overdue ? 'overdue' : status.breachSoon ? 'breachSoon' : null
}

async function emitWarning(
  db: Database,
  caseId: string,
  warning: SlaWarning,
  config: CaseSlaConfig,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const before = await readCaseRecord(tx, caseId, { forUpdate: true })
    // the case may have moved on since the scan (dispose, 延期): decide on the locked row
    if (!before.deadline || warningOf(before, config, now) !== warning) return null
    const [marked] = await tx
      .insert(caseSlaWarnings)
      .values({ caseId, warning, deadline: before.deadline, emittedAt: now })
      .onConflictDoNothing()
      .returning({ caseId: caseSlaWarnings.caseId })
    if (!marked) return null // another node (or an earlier pass) emitted it
    const escalated = await escalate(tx, before, warning, config, now)
    const after = escalated ? await readCaseRecord(tx, caseId) : before
    const [withExtra] = await withQueueFields(tx, [after], config, now)
    if (!withExtra) throw new Error('withQueueFields returns one entry per row')
    await appendEvents(
      tx,
      [
        {
          topic: 'cases',
          type: SLA_WARNING_EVENT_TYPES[warning],
          entityId: caseId,
          version: after.version,
          data: { ...caseDetail(after), ...withExtra.extra },
          departments: after.responsibleDepartment ? [after.responsibleDepartment] : null,
          location: [after.lng, after.lat],
        },
      ],
      now,
    )
    return { caseId, warning, escalated }
  })
}

// 督办 through the same write as POST /api/cases/:id/actions (audit + case.supervised event).
async function escalate(
  tx: Executor,
  before: CaseRecord,
  warning: SlaWarning,
  config: CaseSlaConfig,
  now: Date,
): Promise<boolean> {
  const rung = escalationFor(config, warning, before.supervisionLevel)
  if (!rung) return false
  const note =
    rung.note ??
    (warning === 'overdue'
      ? '处置超期，系统自动督办 / Overdue: supervised automatically'
      : '即将超期，系统自动督办 / About to breach: supervised automatically')
  const result = applyCaseAction(
    toWorkflowCase(before),
    { type: 'supervise', level: rung.level, note },
    SLA_SYSTEM_ACTOR,
    beijingIso(now),
    clockFor(config, before.kind, before.categoryCode),
  )
  if (result instanceof DomainError) return false
  await writeCaseAction(tx, { actor: SLA_SYSTEM_ACTOR, address: null }, before, result, now)
  return true
}

/** Runs the check now and every `everyMs` on this node; returns a stop function. */
export function scheduleCaseSlaChecks(
  db: Database,
  clock: () => Date,
  log: (m: string) => void,
  everyMs = 60_000,
) {
  let running = false
  const run = async () => {
    if (running) return // a slow pass is not overtaken by the next tick
    running = true
    try {
      const { emitted } = await checkCaseSla(db, clock())
      if (emitted.length > 0) log(`case SLA: ${emitted.length} warnings emitted`)
    } catch (error) {
      log(`case SLA check failed (${(error as Error).message}); will retry`)
    } finally {
      running = false
    }
  }
  void run()
  const timer = setInterval(() => void run(), everyMs)
  return () => clearInterval(timer)
}
