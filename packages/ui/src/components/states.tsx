import type { ReactNode } from 'react'
import { Icon, Spinner } from '../icon'

type StateProps = {
  title: string
  description?: ReactNode
  /** A call to action, e.g. a retry `Button`. */
  action?: ReactNode
  className?: string
}

const classes = (base: string, extra?: string) =>
  extra ? `co-state ${base} ${extra}` : `co-state ${base}`

/** Nothing to show yet; not an error. */
export function EmptyState({ title, description, action, className }: StateProps) {
  return (
    <div className={classes('co-state--empty', className)}>
      <Icon name="empty" className="co-state__icon" />
      <p className="co-state__title">{title}</p>
      {description ? <div className="co-state__description">{description}</div> : null}
      {action ? <div className="co-state__action">{action}</div> : null}
    </div>
  )
}

/** Something failed; announced immediately (`role="alert"`). */
export function ErrorState({ title, description, action, className }: StateProps) {
  return (
    <div role="alert" className={classes('co-state--error', className)}>
      <Icon name="error" className="co-state__icon" />
      <p className="co-state__title">{title}</p>
      {description ? <div className="co-state__description">{description}</div> : null}
      {action ? <div className="co-state__action">{action}</div> : null}
    </div>
  )
}

export type LoadingStateProps = {
  label: string
  className?: string
}

/** Work in progress; announced politely. */
export function LoadingState({ label, className }: LoadingStateProps) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-busy="true"
      className={classes('co-state--loading', className)}
    >
      <Spinner className="co-state__icon" />
      <p className="co-state__title">{label}</p>
    </div>
  )
}
