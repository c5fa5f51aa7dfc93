import { useId } from 'react'
import type { HTMLAttributes, ReactNode } from 'react'

export type PanelProps = Omit<HTMLAttributes<HTMLElement>, 'title'> & {
  title: ReactNode
  /** Buttons or menus shown at the right of the title. */
  actions?: ReactNode
  /** Scroll the body when the panel is given less height than its content. */
  isScrollable?: boolean
  children?: ReactNode
}

/** A titled region; the heading names the landmark for screen readers. */
export function Panel({
  title,
  actions,
  isScrollable = false,
  children,
  className,
  ...rest
}: PanelProps) {
  const headingId = useId()
  return (
    <section
      {...rest}
      aria-labelledby={headingId}
      className={className ? `co-panel ${className}` : 'co-panel'}
    >
      <header className="co-panel__header">
        <h2 id={headingId} className="co-panel__title">
          {title}
        </h2>
        {actions ? <div className="co-panel__actions">{actions}</div> : null}
      </header>
      <div className={isScrollable ? 'co-panel__body co-panel__body--scroll' : 'co-panel__body'}>
        {children}
      </div>
    </section>
  )
}
