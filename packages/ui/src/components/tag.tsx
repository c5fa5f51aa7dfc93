import type { ReactNode } from 'react'
import { Icon } from '../icon'
import type { IconName } from '../icon'

export const TAG_TONES = ['ok', 'warn', 'danger', 'info', 'muted'] as const
export type TagTone = (typeof TAG_TONES)[number]

export type TagProps = {
  tone: TagTone
  /** Each state gets its own shape too, so the tone is never carried by colour alone. */
  icon: IconName
  children: ReactNode
  className?: string
  'data-testid'?: string
}

/** A small static label with icon and text, e.g. 启用 / 停用 or an audit outcome. */
export function Tag({ tone, icon, children, className, ...rest }: TagProps) {
  return (
    <span {...rest} data-tone={tone} className={className ? `co-tag ${className}` : 'co-tag'}>
      <Icon name={icon} />
      <span>{children}</span>
    </span>
  )
}
