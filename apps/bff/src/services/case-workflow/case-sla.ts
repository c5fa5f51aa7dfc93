import {
  caseClock,
  CHINA_2026,
  timeLimitFor,
  workingCalendar,
  type CaseClock,
  type CaseKind,
  type CaseSlaConfig,
  type WorkingCalendar,
} from '@cityops/domain'

// The configuration type, its schema and the default table live in the domain (sla-config.ts);
// the stored, editable copy is read by services/case-sla/sla-settings.ts.
export { DEFAULT_CASE_SLA, timeLimitFor, type CaseSlaConfig } from '@cityops/domain'

const calendars = new WeakMap<CaseSlaConfig, WorkingCalendar>()

/** The working calendar of a configuration (built once per config object). */
export function calendarFor(config: CaseSlaConfig): WorkingCalendar {
  let calendar = calendars.get(config)
  if (!calendar) {
    calendar = workingCalendar({ years: [CHINA_2026], periods: config.workPeriods })
    calendars.set(config, calendar)
  }
  return calendar
}

/** The domain's CaseClock for one case under `config`. */
export function clockFor(config: CaseSlaConfig, kind: CaseKind, categoryCode: string): CaseClock {
  return caseClock(timeLimitFor(config, kind, categoryCode), calendarFor(config), config.policy)
}
