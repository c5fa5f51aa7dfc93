import { AppFrame } from '@cityops/ui'
import { NavLink, Outlet, useLocation } from 'react-router'
import { ConnectionBanner, HealthBadge } from '../features/health'
import { LanguageSwitch, ThemeSwitch } from '../features/shell'
import { useT } from '../i18n'
import { AppErrorFallback } from './app-error-fallback'
import { ErrorBoundary } from './error-boundary'

/** Shell of every page. Later: more nav entries, login menu, alarm counters in `actions`. */
export function Layout() {
  const t = useT()
  const { pathname } = useLocation()
  return (
    <AppFrame
      productName={t('app.name')}
      skipLinkLabel={t('app.skipToMain')}
      navLabel={t('app.nav')}
      nav={
        <NavLink to="/" end className="app-nav-link">
          {t('nav.overview')}
        </NavLink>
      }
      actions={
        <>
          <HealthBadge />
          <ThemeSwitch />
          <LanguageSwitch />
        </>
      }
      banner={<ConnectionBanner />}
    >
      {/* Keyed by path so navigating away from a crashed page recovers. */}
      <ErrorBoundary key={pathname} fallback={<AppErrorFallback />}>
        <Outlet />
      </ErrorBoundary>
    </AppFrame>
  )
}
