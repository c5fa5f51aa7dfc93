import type { MessageKey, MessageParams } from '../../i18n'

type T = (key: MessageKey, params?: MessageParams) => string

/** "12 秒" / "3 min": the age of the newest data, rounded to the unit that matters. */
export function formatAge(t: T, ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return t('age.seconds', { n: s })
  if (s < 3600) return t('age.minutes', { n: Math.floor(s / 60) })
  if (s < 86_400) return t('age.hours', { n: Math.floor(s / 3600) })
  return t('age.days', { n: Math.floor(s / 86_400) })
}

/**
 * How old a layer's newest data may be before the wall calls it stale: traffic is read every
 * minute, units report every few seconds, air every hour. Incidents and cases change when
 * something happens, so only the connection can make them stale.
 */
export const STALE_AFTER_MS = {
  traffic: 3 * 60_000,
  units: 2 * 60_000,
  environment: 2 * 3_600_000,
  incidents: null,
  cases: null,
} as const
