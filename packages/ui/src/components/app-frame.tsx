import type { ReactNode } from 'react'

export type AppFrameProps = {
  /** 城市运行指挥中心 / City Operations Center, in the current language. */
  productName: string
  /** Text of the "skip to main content" link, the first Tab stop. */
  skipLinkLabel: string
  /** Accessible name of the navigation landmark. */
  navLabel?: string
  nav?: ReactNode
  /** Right-hand side of the header: status badges, switches, menus. */
  actions?: ReactNode
  /** Full-width strip between header and main, e.g. an `OfflineBanner`. */
  banner?: ReactNode
  /** `data-testid` of `<main>`, e.g. `home-operator` so tests can tell which view landed. */
  mainTestId?: string
  children?: ReactNode
}

/** Page chrome: header (name, nav, actions), optional banner, and a main area filling the rest. */
export function AppFrame({
  productName,
  skipLinkLabel,
  navLabel,
  nav,
  actions,
  banner,
  mainTestId,
  children,
}: AppFrameProps) {
  return (
    <div className="co-app-frame">
      <a className="co-skip-link" href="#main">
        {skipLinkLabel}
      </a>
      <header className="co-app-frame__header">
        <div className="co-app-frame__brand">
          <svg
            className="co-app-frame__logo"
            viewBox="0 0 32 32"
            aria-hidden="true"
            focusable="false"
          >
            <rect width="32" height="32" rx="7" fill="currentColor" opacity="0.16" />
            <path
              d="M16 5a8.5 8.5 0 0 0-8.5 8.5C7.5 20 16 27 16 27s8.5-7 8.5-13.5A8.5 8.5 0 0 0 16 5Zm0 12a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
              fill="currentColor"
            />
          </svg>
          <span className="co-app-frame__name">{productName}</span>
        </div>
        {nav ? (
          <nav className="co-app-frame__nav" aria-label={navLabel}>
            {nav}
          </nav>
        ) : (
          <div className="co-app-frame__nav" />
        )}
        {actions ? <div className="co-app-frame__actions">{actions}</div> : null}
      </header>
      {banner}
      <main id="main" tabIndex={-1} className="co-app-frame__main" data-testid={mainTestId}>
        {children}
      </main>
    </div>
  )
}
