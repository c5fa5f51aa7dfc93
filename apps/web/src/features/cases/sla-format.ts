import type { CaseItem } from '../../api/cases'
import type { Translate } from '../../i18n'

export type SlaTone = 'ok' | 'warn' | 'danger' | 'muted'

/**
 * Minutes as hours and minutes. The server counts working minutes for 工作时/工作日 limits, so
 * the text never converts to days (a working day is not 24 hours).
 */
export function formatMinutes(t: Translate, minutes: number): string {
  const m = Math.max(0, Math.round(Math.abs(minutes)))
  if (m < 60) return t('sla.minutes', { m })
  return t('sla.hours', { h: Math.floor(m / 60), m: m % 60 })
}

/** Minutes to the deadline: the server's SLA answer, else the raw deadline, else null. */
export function remainingMinutes(c: CaseItem, now: number): number | null {
  if (c.sla) return c.sla.remainingMinutes
  if (c.deadline) return Math.round((Date.parse(c.deadline) - now) / 60_000)
  return null
}

/** The clock's short text and tone for a row or the detail. */
export function slaSummary(
  t: Translate,
  c: CaseItem,
  now: number,
): { text: string; tone: SlaTone } {
  if (c.sla?.paused) return { text: t('sla.paused'), tone: 'muted' }
  const left = remainingMinutes(c, now)
  if (left === null) return { text: t('sla.none'), tone: 'muted' }
  if (c.sla?.overdue ?? left < 0)
    return { text: t('sla.overdue', { time: formatMinutes(t, left) }), tone: 'danger' }
  const text = t('sla.remaining', { time: formatMinutes(t, left) })
  return { text, tone: c.sla?.breachSoon || c.sla?.predictedBreach ? 'warn' : 'ok' }
}
