import { DomainError } from '../errors'
import type { CaseCommand } from './case-commands'
import type { WorkflowCase } from './workflow-case'

/**
 * The 处置 clock as the workflow needs it; `caseClock` in sla/ builds one from a category's
 * time limit, the working calendar and the local policy flags (DOMAIN.md §2.1 rules 3–4).
 */
export interface CaseClock {
  /** 处置时限 for a clock started at `start`. */
  deadlineFrom(start: string): string
  /** The deadline after a 挂账 from `pausedAt` to `resumedAt` (unchanged unless the policy pauses). */
  afterPause(deadline: string, pausedAt: string, resumedAt: string): string
  /** Whether re-派遣 after an approved 回退 restarts the clock. */
  isRestartedOnReturn: boolean
}

type Fields = Partial<WorkflowCase>

const conflict = (zh: string, en: string) => new DomainError('CONFLICT', `${zh} / ${en}`)

function fileFields(
  c: WorkflowCase,
  cmd: Extract<CaseCommand, { type: 'file' }>,
  now: string,
  clock?: CaseClock,
) {
  const categoryCode = cmd.categoryCode ?? c.categoryCode
  const gridCode = cmd.gridCode ?? c.gridCode
  // 立案 fixes the 小类 and the 单元网格 (GB/T 30428.1/.2): both must be known by now.
  if (categoryCode === null) return conflict('立案须确定案件小类', 'Filing needs a category code')
  if (gridCode === null) return conflict('立案须确定单元网格', 'Filing needs a grid code')
  return { categoryCode, gridCode, deadline: clock ? clock.deadlineFrom(now) : c.deadline }
}

function extensionFields(c: WorkflowCase, until: string, now: string): Fields | DomainError {
  const floor = c.deadline !== null && Date.parse(c.deadline) > Date.parse(now) ? c.deadline : now
  if (Date.parse(until) <= Date.parse(floor)) {
    return conflict('延期时限须晚于当前时限', `The extension must end after ${floor}`)
  }
  return {}
}

export function nextFields(
  c: WorkflowCase,
  cmd: CaseCommand,
  by: string,
  now: string,
  clock?: CaseClock,
): Fields | DomainError {
  const request = (
    kind: 'return' | 'extension' | 'suspension',
    reason: string,
    until: string | null,
  ) => ({
    pending: { kind, reason, until, requestedBy: by, requestedAt: now },
  })
  switch (cmd.type) {
    case 'accept':
    case 'verify':
      return {}
    case 'invalidate':
      if (cmd.duplicateOf === c.id)
        return conflict('案件不能与自身重复', 'A case cannot duplicate itself')
      return { outcomeReason: cmd.reason, duplicateOf: cmd.duplicateOf ?? null }
    case 'file':
      return fileFields(c, cmd, now, clock)
    case 'notFile':
      return { outcomeReason: cmd.reason }
    case 'dispatch': {
      const isRestart = c.status === 'RETURNED' && clock?.isRestartedOnReturn === true
      return {
        responsibleDepartment: cmd.departmentCode,
        dispatchCount: c.dispatchCount + 1,
        deadline: isRestart ? clock.deadlineFrom(now) : c.deadline,
      }
    }
    case 'requestReturn':
      return request('return', cmd.reason, null)
    case 'requestExtension': {
      const invalid = extensionFields(c, cmd.until, now)
      return invalid instanceof DomainError ? invalid : request('extension', cmd.reason, cmd.until)
    }
    case 'requestSuspension':
      return request('suspension', cmd.reason, null)
    case 'approveReturn':
      // Back to the dispatcher's pool: the returning department no longer holds it.
      return { pending: null, responsibleDepartment: null, returnCount: c.returnCount + 1 }
    case 'approveExtension':
      return {
        pending: null,
        deadline: c.pending?.until ?? c.deadline,
        extensionCount: c.extensionCount + 1,
      }
    case 'approveSuspension':
      return { pending: null, suspendedAt: now }
    case 'rejectReturn':
    case 'rejectExtension':
    case 'rejectSuspension':
      return { pending: null }
    case 'resume': {
      const { deadline, suspendedAt } = c
      const moved =
        clock && deadline && suspendedAt ? clock.afterPause(deadline, suspendedAt, now) : deadline
      return { suspendedAt: null, deadline: moved }
    }
    case 'dispose':
      return { evidenceIds: cmd.evidenceIds ?? [] }
    case 'assignCheck':
      return { checkInspector: cmd.inspector ?? null, isCheckPassed: false }
    case 'checkPass':
      return { isCheckPassed: true }
    case 'checkFail':
      return { reworkCount: c.reworkCount + 1, isCheckPassed: false, checkInspector: null }
    case 'close':
      return {}
    case 'supervise':
      return { supervision: { level: cmd.level, count: (c.supervision?.count ?? 0) + 1 } }
  }
}
