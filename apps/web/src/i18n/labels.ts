import type { Locale } from './messages'

/** A bilingual label as the domain package gives them (ROLE_LABELS, PERMISSION_LABELS …). */
export type BilingualLabel = { readonly zh: string; readonly en: string }

export function pickLabel(locale: Locale, label: BilingualLabel): string {
  return locale === 'zh-CN' ? label.zh : label.en
}

/** Date and time in the browser's zone, 24-hour, e.g. 2026/05/01 08:30:05. */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}
