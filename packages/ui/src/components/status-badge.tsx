import type { HTMLAttributes } from 'react'
import { Icon, Spinner } from '../icon'
import type { IconName } from '../icon'

export const STATUS_KINDS = ['ok', 'degraded', 'offline', 'loading'] as const
export type StatusKind = (typeof STATUS_KINDS)[number]

const ICONS: Record<Exclude<StatusKind, 'loading'>, IconName> = {
  ok: 'check',
  degraded: 'warning',
  offline: 'offline',
}

export type StatusBadgeProps = Omit<HTMLAttributes<HTMLSpanElement>, 'children' | 'role'> & {
  status: StatusKind
  /** Visible text; the icon alone is never the message. */
  label: string
  /**
   * Extra detail (e.g. versions) for the tooltip; `title` is also the accessible description.
   * Kept out of the text so the text is exactly `label`.
   */
  detail?: string
}

/** A live status pill: icon + text, announced politely when it changes. */
export function StatusBadge({ status, label, detail, className, ...rest }: StatusBadgeProps) {
  return (
    <span
      {...rest}
      role="status"
      aria-live="polite"
      data-status={status}
      title={rest.title ?? detail}
      className={className ? `co-status-badge ${className}` : 'co-status-badge'}
    >
      {status === 'loading' ? <Spinner /> : <Icon name={ICONS[status]} />}
      <span className="co-status-badge__label">{label}</span>
    </span>
  )
}
