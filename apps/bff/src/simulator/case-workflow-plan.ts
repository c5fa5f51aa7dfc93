import type { CaseKind } from '@cityops/domain'
import { createRng, type Rng } from './models'

// How a simulated 数字城管 case is worked (DOMAIN.md §2.1), as a script of steps whose times
// follow from the answers before them (the dispose time from the deadline dispatch set).
// Shares [U]: no public Zhengzhou figures; Tianmen's 93.72 % closure and 75.82 % on time
// (DOMAIN.md) are the ballpark the outcomes land in.

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export const WORKFLOW_SHARES = {
  invalid: 0.04, // 作废: duplicates, nothing found
  notFiled: 0.03, // 不予立案
  returned: 0.05, // 派错 → 回退 → 改派
  extended: 0.07, // 延期 approved
  overdue: 0.15, // disposed after the deadline
  rework: 0.1, // 核查不通过 → 返工
} as const

export interface CaseFacts {
  id: string
  at: Date
  kind: CaseKind
  channel: string
  /** The suggested department (the category route for the district), never null here. */
  department: string
  /** The 单元网格 the shift lead files it in (立案 needs one; no grid layer ships). */
  gridCode: string
}

/** What earlier steps left for later ones: when dispatch happened and the deadline now. */
export interface StepContext {
  dispatchedAt: Date | null
  deadline: Date | null
}

export interface PlannedStep {
  user: string
  command: (ctx: StepContext) => { type: string } & Record<string, unknown>
  /** The step's time, from the previous step's time and what is known so far. */
  at: (previous: Date, ctx: StepContext) => Date
}

const after = (rng: Rng, minMinutes: number, maxMinutes: number) => (previous: Date) =>
  new Date(previous.getTime() + rng.uniform(minMinutes, maxMinutes) * MINUTE)

const fixed =
  (type: string, extra: Record<string, unknown> = {}) =>
  () => ({ type, ...extra })

/** The deterministic script of one case for a seed; empty steps never happen. */
export function planCaseWorkflow(seed: string, c: CaseFacts): PlannedStep[] {
  const rng = createRng(`${seed}/case-workflow/${c.id}`)
  const step = (user: string, command: PlannedStep['command'], at: PlannedStep['at']) => ({
    user,
    command,
    at,
  })
  if (rng.chance(WORKFLOW_SHARES.invalid)) {
    return [
      step(
        'intake',
        fixed('invalidate', { reason: '重复上报或现场未发现问题（模拟）' }),
        after(rng, 5, 90),
      ),
    ]
  }
  const steps: PlannedStep[] = [step('intake', fixed('accept'), after(rng, 5, 60))]
  if (c.channel !== 'inspector') steps.push(step('inspector', fixed('verify'), after(rng, 30, 240)))
  if (rng.chance(WORKFLOW_SHARES.notFiled)) {
    steps.push(
      step(
        'shiftlead',
        fixed('notFile', { reason: '不属于城管受理范围（模拟）' }),
        after(rng, 10, 60),
      ),
    )
    return steps
  }
  steps.push(step('shiftlead', fixed('file', { gridCode: c.gridCode }), after(rng, 10, 90)))
  const dispatch = (department: string) =>
    step('dispatcher', fixed('dispatch', { departmentCode: department }), after(rng, 5, 45))
  if (rng.chance(WORKFLOW_SHARES.returned)) {
    const wrong = c.department === 'cgj' ? 'szgc' : 'cgj'
    steps.push(
      dispatch(wrong),
      step(
        `handler-${wrong}`,
        fixed('requestReturn', { reason: '非本部门职责（模拟）' }),
        after(rng, 60, 300),
      ),
      step('dispatcher', fixed('approveReturn'), after(rng, 10, 90)),
    )
  }
  steps.push(dispatch(c.department))
  const handler = `handler-${c.department}`
  if (rng.chance(WORKFLOW_SHARES.extended)) {
    steps.push(
      step(
        handler,
        (ctx) => ({
          type: 'requestExtension',
          until: isoPlus(ctx.deadline, 2 * 24 * HOUR),
          reason: '需协调其他单位（模拟）',
        }),
        (previous, ctx) => between(previous, ctx, rng.uniform(0.2, 0.5)),
      ),
      step('shiftlead', fixed('approveExtension'), after(rng, 30, 180)),
    )
  }
  const isOverdue = rng.chance(WORKFLOW_SHARES.overdue)
  const disposeAt = (previous: Date, ctx: StepContext) =>
    isOverdue && ctx.deadline
      ? latest(previous, new Date(ctx.deadline.getTime() + rng.exponential(10) * HOUR))
      : between(previous, ctx, rng.uniform(0.15, 0.85))
  const dispose = fixed('dispose', { note: '已按要求处置完毕（模拟）' })
  steps.push(
    step(handler, dispose, disposeAt),
    step('intake', fixed('assignCheck'), after(rng, 10, 90)),
  )
  if (rng.chance(WORKFLOW_SHARES.rework)) {
    steps.push(
      step(
        'inspector',
        fixed('checkFail', { reason: '现场仍未处理干净（模拟）' }),
        after(rng, 30, 180),
      ),
      step(handler, dispose, after(rng, 120, 600)),
      step('intake', fixed('assignCheck'), after(rng, 10, 90)),
    )
  }
  steps.push(
    step('inspector', fixed('checkPass'), after(rng, 30, 180)),
    step('shiftlead', fixed('close'), after(rng, 10, 120)),
  )
  return steps
}

const latest = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b)

/** A point `share` of the way from dispatch to the deadline, not before `previous`. */
function between(previous: Date, ctx: StepContext, share: number): Date {
  const from = ctx.dispatchedAt ?? previous
  const span = ctx.deadline ? ctx.deadline.getTime() - from.getTime() : 4 * HOUR
  return latest(new Date(previous.getTime() + 5 * MINUTE), new Date(from.getTime() + share * span))
}

function isoPlus(at: Date | null, ms: number): string {
  return new Date((at?.getTime() ?? 0) + ms).toISOString()
}
