import type { CaseState } from '@cityops/domain'
import type { CaseItem } from '../../api/cases'

/** Past its 处置 deadline: the server's SLA flag when it sends one, else the deadline itself. */
export function isOverdue(c: Pick<CaseItem, 'deadline' | 'sla'>, now: Date): boolean {
  if (c.sla) return c.sla.overdue
  return c.deadline !== null && new Date(c.deadline).getTime() < now.getTime()
}

/** Minutes left until the deadline (negative when overdue), or null before 立案. */
export function remainingMinutes(c: Pick<CaseItem, 'deadline' | 'sla'>, now: Date): number | null {
  if (c.sla) return c.sla.remainingMinutes
  if (c.deadline === null) return null
  return Math.round((new Date(c.deadline).getTime() - now.getTime()) / 60_000)
}

// What the department must act on comes first; cases waiting on others (approval, check) after.
const HANDLER_RANK: Partial<Record<CaseState, number>> = {
  DISPATCHED: 0,
  SUSPENDED: 1,
  DISPOSED: 2,
  CHECKING: 2,
}

const deadlineTime = (c: CaseItem) =>
  c.deadline === null ? Number.POSITIVE_INFINITY : new Date(c.deadline).getTime()

/**
 * A department's queue: 派遣 (to do) first, soonest deadline first, so overdue cases lead;
 * then 挂账; then cases waiting for 核查. Ties keep the older report first.
 */
export function handlerQueueOrder(items: readonly CaseItem[]): CaseItem[] {
  return [...items].sort(
    (a, b) =>
      (HANDLER_RANK[a.status] ?? 9) - (HANDLER_RANK[b.status] ?? 9) ||
      deadlineTime(a) - deadlineTime(b) ||
      a.reportedAt.localeCompare(b.reportedAt),
  )
}

/** The states a handler's queue shows. */
export const HANDLER_QUEUE_STATES = ['DISPATCHED', 'SUSPENDED', 'DISPOSED', 'CHECKING'] as const

/** The states of an inspector's tasks: 核实 of public reports, 核查 after disposal. */
export const INSPECTOR_TASK_STATES = ['ACCEPTED', 'CHECKING'] as const

/**
 * An inspector's tasks: 核实 of accepted public reports (an inspector's own reports skip it) and
 * 核查 of disposed cases not yet passed, unless the 核查 was given to another inspector;
 * 核查 first (the department waits), oldest first. `others` counts the checks left out.
 */
export function inspectorTaskOrder(
  items: readonly CaseItem[],
  me: string,
): { tasks: CaseItem[]; others: number } {
  const isOthersCheck = (c: CaseItem) =>
    c.status === 'CHECKING' && c.checkInspector != null && c.checkInspector !== me
  const tasks = items
    .filter(
      (c) =>
        (c.status === 'CHECKING' && !isOthersCheck(c)) ||
        (c.status === 'ACCEPTED' && c.channel !== 'inspector'),
    )
    .sort(
      (a, b) =>
        (a.status === 'CHECKING' ? 0 : 1) - (b.status === 'CHECKING' ? 0 : 1) ||
        a.reportedAt.localeCompare(b.reportedAt),
    )
  return { tasks, others: items.filter(isOthersCheck).length }
}
