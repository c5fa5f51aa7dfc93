import type { CaseState, CityCase } from '../city-case'
import type { Role } from '../user'
import type { Actor } from './actor'
import { caseTarget } from './actor'
import { can } from './policy'

// Who may add a photo to a case, and when: the person whose step it is now (DOMAIN.md §2.1
// links). The inspector photographs what they report and what they 核实 / 核查 on site; the
// intake desk attaches what a citizen sent while registering and accepting; the shift lead
// while filing and closing; the responsible department's handler while it holds the case
// (处置反馈 and the 回退 / 延期 / 挂账 requests that need proof). Dispatchers, the duty operator,
// leaders and administrators look but never add [U: DOMAIN.md names no rule; least privilege].
export const EVIDENCE_UPLOAD_STATES = {
  inspector: ['REPORTED', 'ACCEPTED', 'CHECKING'],
  intake: ['REPORTED', 'ACCEPTED'],
  shiftLead: ['ACCEPTED', 'VERIFIED', 'CHECKING'],
  handler: ['DISPATCHED'],
  dispatcher: [],
  operator: [],
  leader: [],
  admin: [],
} as const satisfies Record<Role, readonly CaseState[]>

/** Why an upload is refused, or null when `actor` may add evidence to the case now. */
export function evidenceUploadDenial(
  actor: Actor,
  c: Pick<CityCase, 'status' | 'responsibleDepartment'>,
): 'notReadable' | 'notAPerson' | 'notNow' | null {
  const target = caseTarget(c)
  if (!can(actor, 'case.read', target)) return 'notReadable'
  if (actor.kind !== 'user') return 'notAPerson' // evidence is a person's act, never a key's
  const states: readonly CaseState[] = EVIDENCE_UPLOAD_STATES[actor.role]
  if (!states.includes(c.status)) return 'notNow'
  // the handler's turn is its department's: the same scope as 处置反馈
  if (actor.role === 'handler' && !can(actor, 'case.dispose', target)) return 'notReadable'
  return null
}

export const canAddCaseEvidence = (
  actor: Actor,
  c: Pick<CityCase, 'status' | 'responsibleDepartment'>,
): boolean => evidenceUploadDenial(actor, c) === null
