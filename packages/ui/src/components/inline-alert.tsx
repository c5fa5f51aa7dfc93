import type { ReactNode } from 'react'
import { Icon } from '../icon'
import type { IconName } from '../icon'

export type InlineAlertTone = 'error' | 'warn' | 'info' | 'success'

const ICONS: Record<InlineAlertTone, IconName> = {
  error: 'error',
  warn: 'warning',
  info: 'info',
  success: 'check',
}

export type InlineAlertProps = {
  tone: InlineAlertTone
  children: ReactNode
  className?: string
  id?: string
  'data-testid'?: string
}

/**
 * A message inside a form or panel. Errors are alerts (read at once); the other tones are
 * polite status messages.
 */
export function InlineAlert({ tone, children, className, ...rest }: InlineAlertProps) {
  return (
    <div
      {...rest}
      role={tone === 'error' ? 'alert' : 'status'}
      data-tone={tone}
      className={className ? `co-inline-alert ${className}` : 'co-inline-alert'}
    >
      <Icon name={ICONS[tone]} />
      <div className="co-inline-alert__body">{children}</div>
    </div>
  )
}
