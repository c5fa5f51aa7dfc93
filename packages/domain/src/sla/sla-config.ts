import { z } from 'zod'
import { CASE_KINDS, type CaseKind } from '../city-case'
import { SUPERVISION_LEVELS } from '../case-workflow/case-commands'
import { TimeLimit } from './deadline'
import { WorkPeriod } from './working-calendar'

// 处置时限 as editable configuration (DOMAIN.md §2.1 "Time limits": local configuration, not
// national constants). Keys are `<kind>:<大类小类>` (event:0102) or `<kind>:<大类>` (event:01);
// the most specific key wins, then `defaultLimit`. docs/WORKFLOWS.md describes the format.

const LIMIT_KEY = new RegExp(`^(${CASE_KINDS.join('|')}):\\d{2}(\\d{2})?$`)

export const SLA_WARNINGS = ['breachSoon', 'overdue'] as const
export type SlaWarning = (typeof SLA_WARNINGS)[number]

/** The live events (topic `cases`) of the SLA watch, past tense as LiveEventType requires. */
export const SLA_WARNING_EVENT_TYPES = {
  breachSoon: 'case.breachSoonWarned',
  overdue: 'case.overdueWarned',
} as const satisfies Record<SlaWarning, `case.${string}ed`>

/** One rung of the escalation ladder: on this warning, raise 督办 to at least `level`. */
export const EscalationRung = z.object({
  on: z.enum(SLA_WARNINGS, { error: '须为 breachSoon 或 overdue / Must be breachSoon or overdue' }),
  level: z.enum(SUPERVISION_LEVELS, { error: '督办级别无效 / Unknown supervision level' }),
  note: z.string().trim().min(1).max(1000).optional(),
})
export type EscalationRung = z.infer<typeof EscalationRung>

export const SlaPolicySchema = z.strictObject({
  isPausedWhileSuspended: z.boolean(),
  isRestartedOnReturn: z.boolean(),
})

export const CaseSlaConfig = z
  .strictObject({
    defaultLimit: TimeLimit,
    limits: z.record(
      z
        .string()
        .regex(
          LIMIT_KEY,
          '键须为 <kind>:<大类[小类]>，如 event:0102 / Keys are <kind>:<code>, e.g. event:0102',
        ),
      TimeLimit,
    ),
    workPeriods: z
      .array(WorkPeriod)
      .min(1, '至少一个工作时段 / At least one work period')
      .optional(),
    policy: SlaPolicySchema,
    // Off by default [U]: the ladder is a local decision (督办 is a leader's act, DOMAIN.md §2.1).
    escalation: z.array(EscalationRung).max(6).default([]),
  })
  .superRefine((c, ctx) => {
    const periods = [...(c.workPeriods ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1))
    periods.forEach((p, i) => {
      const prev = periods[i - 1]
      if (prev && prev.end > p.start)
        ctx.addIssue({
          code: 'custom',
          path: ['workPeriods'],
          message: '工作时段重叠 / Work periods overlap',
        })
    })
  })
export type CaseSlaConfig = z.output<typeof CaseSlaConfig>
export type CaseSlaConfigInput = z.input<typeof CaseSlaConfig>

// Henan examples from DOMAIN.md §2.1 (Jiyuan 事件 table and similar) as a starting point [U:
// Zhengzhou's own table is not public]; everything else gets 5 工作日.
export const DEFAULT_CASE_SLA: CaseSlaConfig = {
  defaultLimit: { amount: 5, unit: 'workDays' },
  limits: {
    'event:0101': { amount: 15, unit: 'workDays' }, // 私搭乱建 / 违法搭建
    'event:0102': { amount: 1, unit: 'workDays' }, // 暴露垃圾
    'event:0103': { amount: 4, unit: 'workDays' }, // 积存垃圾渣土
    'event:0104': { amount: 5, unit: 'workHours' }, // 道路不洁
    'event:04': { amount: 4, unit: 'hours' }, // 突发事件: natural hours
    'component:01': { amount: 2, unit: 'workDays' }, // 公用设施 (井盖等)
  },
  policy: { isPausedWhileSuspended: true, isRestartedOnReturn: true },
  escalation: [],
}

/** The limit for a case: `<kind>:<code>`, then `<kind>:<大类>`, then the default. */
export function timeLimitFor(
  config: CaseSlaConfig,
  kind: CaseKind,
  categoryCode: string,
): TimeLimit {
  return (
    config.limits[`${kind}:${categoryCode}`] ??
    config.limits[`${kind}:${categoryCode.slice(0, 2)}`] ??
    config.defaultLimit
  )
}

const LEVEL_RANK = Object.fromEntries(SUPERVISION_LEVELS.map((l, i) => [l, i])) as Record<
  (typeof SUPERVISION_LEVELS)[number],
  number
>

/**
 * The 督办 level the ladder asks for on `warning`, or null when the case already has at least
 * that level (or no rung applies): escalation only ever raises.
 */
export function escalationFor(
  config: CaseSlaConfig,
  warning: SlaWarning,
  current: (typeof SUPERVISION_LEVELS)[number] | null,
): EscalationRung | null {
  const rungs = config.escalation.filter((r) => r.on === warning)
  const top = rungs.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level])[0]
  if (!top) return null
  if (current !== null && LEVEL_RANK[current] >= LEVEL_RANK[top.level]) return null
  return top
}
