import type { KeyboardEvent } from 'react'

export type DeskTab<K extends string> = { key: K; label: string; count?: number }

type Props<K extends string> = {
  tabs: readonly DeskTab<K>[]
  current: K
  onChange: (key: K) => void
  label: string
}

/** Tabs of a desk (arrow keys move between them, as the WAI-ARIA tabs pattern). */
export function DeskTabs<K extends string>({ tabs, current, onChange, label }: Props<K>) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const at = tabs.findIndex((t) => t.key === current)
    const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]
    if (next) onChange(next.key)
  }
  return (
    <div className="desk-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          aria-selected={tab.key === current}
          tabIndex={tab.key === current ? 0 : -1}
          className="desk-tabs__tab"
          onClick={() => onChange(tab.key)}
          data-testid={`tab-${tab.key}`}
        >
          {tab.label}
          {tab.count !== undefined ? <span className="desk-tabs__count">{tab.count}</span> : null}
        </button>
      ))}
    </div>
  )
}
