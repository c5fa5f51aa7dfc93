import {
  caseClock,
  CHINA_2026,
  TimeLimit,
  workingCalendar,
  type CaseClock,
  type CaseKind,
  type SlaPolicy,
  type WorkPeriod,
} from '@cityops/domain'

/**
 * 处置时限 configuration (DOMAIN.md §2.1 "Time limits": local configuration, not national
 * constants). Keys are `<kind>:<大类小类>` (e.g. `event:0102`) or `<kind>:<大类>` (`event:01`);
 * the most specific key wins, then `defaultLimit`. docs/WORKFLOWS.md describes the format.
 */
export interface CaseSlaConfig {
  defaultLimit: TimeLimit
  limits: Readonly<Record<string, TimeLimit>>
  workPeriods?: readonly WorkPeriod[]
  policy: SlaPolicy
}

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
}

export function timeLimitFor(
  config: CaseSlaConfig,
  kind: CaseKind,
  categoryCode: string,
): TimeLimit {
  const limit =
    config.limits[`${kind}:${categoryCode}`] ??
    config.limits[`${kind}:${categoryCode.slice(0, 2)}`] ??
    config.defaultLimit
  return TimeLimit.parse(limit)
}

const calendars = new WeakMap<CaseSlaConfig, ReturnType<typeof workingCalendar>>()

/** The domain's CaseClock for one case under `config` (calendar built once per config). */
export function clockFor(config: CaseSlaConfig, kind: CaseKind, categoryCode: string): CaseClock {
  let calendar = calendars.get(config)
  if (!calendar) {
    calendar = workingCalendar({ years: [CHINA_2026], periods: config.workPeriods })
    calendars.set(config, calendar)
  }
  return caseClock(timeLimitFor(config, kind, categoryCode), calendar, config.policy)
}
