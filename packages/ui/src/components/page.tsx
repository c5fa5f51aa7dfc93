import type { ReactNode } from 'react'

export type PageProps = {
  /** The page's one `<h1>`. */
  title: ReactNode
  /** A line under the title. */
  subtitle?: ReactNode
  /** Buttons at the right of the title. */
  actions?: ReactNode
  children?: ReactNode
  className?: string
}

/** A scrolling page inside the app frame's main area: heading row, then content. */
export function Page({ title, subtitle, actions, children, className }: PageProps) {
  return (
    <div className={className ? `co-page ${className}` : 'co-page'}>
      <div className="co-page__header">
        <div className="co-page__heading">
          <h1 className="co-page__title">{title}</h1>
          {subtitle ? <p className="co-page__subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="co-page__actions">{actions}</div> : null}
      </div>
      <div className="co-page__body">{children}</div>
    </div>
  )
}
