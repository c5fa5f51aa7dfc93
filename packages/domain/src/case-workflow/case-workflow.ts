import { can, caseTarget } from '../access'
import type { Actor } from '../access'
import { CASE_ACTION_PERMISSIONS } from '../access'
import { CASE_STATE_LABELS } from '../city-case'
import type { CaseState } from '../city-case'
import { DomainError } from '../errors'
import { CASE_COMMAND_TYPES, CaseCommand } from './case-commands'
import type { CaseCommandType } from './case-commands'
import { CASE_WORKFLOW_RULES } from './workflow-rules'
import type { WorkflowRule } from './workflow-rules'
import { nextFields } from './next-fields'
import type { CaseClock } from './next-fields'
import type { WorkflowCase } from './workflow-case'

/** What the audit log records for one applied action (DOMAIN.md §5.2: the event log is the truth). */
export interface CaseAuditSummary {
  caseId: string
  action: CaseCommandType
  from: CaseState
  to: CaseState
  actorId: string
  actorRole: string
  at: string
  summary: { zh: string; en: string }
  command: CaseCommand
}

export interface CaseActionResult {
  next: WorkflowCase
  audit: CaseAuditSummary
}

const ruleOf = (type: CaseCommandType): WorkflowRule => CASE_WORKFLOW_RULES[type]

function isStateAllowed(c: WorkflowCase, type: CaseCommandType): boolean {
  const rule = ruleOf(type)
  return rule.from.includes(c.status) && (rule.when?.(c) ?? true)
}

function isActorAllowed(c: WorkflowCase, type: CaseCommandType, actor: Actor): boolean {
  return can(actor, CASE_ACTION_PERMISSIONS[ruleOf(type).permission], caseTarget(c))
}

/** Actions `actor` may take on the case now: its state and open request allow it, and the policy does. */
export function allowedActions(c: WorkflowCase, actor: Actor): CaseCommandType[] {
  return CASE_COMMAND_TYPES.filter((t) => isStateAllowed(c, t) && isActorAllowed(c, t, actor))
}

const actorId = (a: Actor) => (a.kind === 'user' ? a.userId : a.keyId)
const actorRole = (a: Actor) => (a.kind === 'user' ? a.role : 'apiKey')

/**
 * Applies one workflow action. Returns the next case fields and the audit summary, or a
 * DomainError (VALIDATION: bad fields; FORBIDDEN: not this actor's action; CONFLICT: not now).
 * `clock` computes 处置时限 at 立案 and applies the 挂账 / 回退 clock policy (see sla/).
 */
export function applyCaseAction(
  c: WorkflowCase,
  input: unknown,
  actor: Actor,
  now: string,
  clock?: CaseClock,
): CaseActionResult | DomainError {
  const parsed = CaseCommand.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return new DomainError(
      'VALIDATION',
      issue?.message ?? 'Invalid case action',
      parsed.error.issues,
    )
  }
  const command = parsed.data
  if (!isStateAllowed(c, command.type)) {
    const label = CASE_STATE_LABELS[c.status]
    return new DomainError(
      'CONFLICT',
      `案件 ${c.id} 当前为「${label}」，不能执行 ${command.type} / Case ${c.id} is ${c.status}${c.pending ? ` with a pending ${c.pending.kind} request` : ''}; ${command.type} is not allowed now`,
      { status: c.status, action: command.type },
    )
  }
  if (!isActorAllowed(c, command.type, actor)) {
    return new DomainError(
      'FORBIDDEN',
      `无权对案件 ${c.id} 执行 ${command.type} / ${actorRole(actor)} may not ${command.type} case ${c.id}`,
      { action: command.type },
    )
  }
  const fields = nextFields(c, command, actorId(actor), now, clock)
  if (fields instanceof DomainError) return fields
  const to = ruleOf(command.type).to ?? c.status
  const next: WorkflowCase = { ...c, ...fields, status: to, version: c.version + 1, updatedAt: now }
  return {
    next,
    audit: {
      caseId: c.id,
      action: command.type,
      from: c.status,
      to,
      actorId: actorId(actor),
      actorRole: actorRole(actor),
      at: now,
      summary: summarize(command, c.status, to),
      command,
    },
  }
}

function summarize(command: CaseCommand, from: CaseState, to: CaseState) {
  const move =
    from === to ? CASE_STATE_LABELS[from] : `${CASE_STATE_LABELS[from]} → ${CASE_STATE_LABELS[to]}`
  const reason = 'reason' in command ? `: ${command.reason}` : ''
  return {
    zh: `${command.type}（${move}）${reason}`,
    en: `${command.type} (${from} → ${to})${reason}`,
  }
}
