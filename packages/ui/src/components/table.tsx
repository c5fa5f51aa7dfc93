import type { ReactNode } from 'react'

export type TableProps = {
  /** Names the table for screen readers; visually hidden (the page heading shows it). */
  caption: string
  children: ReactNode
  className?: string
  'data-testid'?: string
}

/** A data table that scrolls sideways inside its own box when the columns do not fit. */
export function Table({ caption, children, className, ...rest }: TableProps) {
  return (
    <div className={className ? `co-table-wrap ${className}` : 'co-table-wrap'}>
      <table {...rest} className="co-table">
        <caption className="co-visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  )
}
