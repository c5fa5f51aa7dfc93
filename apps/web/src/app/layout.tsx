import { AppFrame } from '@cityops/ui'
import { NavLink, Outlet, useLocation } from 'react-router'
import { homePath, navItemsFor } from '../features/access'
import { UserMenu } from '../features/account'
import { ConnectionBanner, HealthBadge } from '../features/health'
import { useSignedIn } from '../features/session'
import { LanguageSwitch, ThemeSwitch } from '../features/shell'
import { useT } from '../i18n'
import { AppErrorFallback } from './app-error-fallback'
import { ErrorBoundary } from './error-boundary'

/** Shell of every signed-in page: the nav the policy allows, status, switches, user menu. */
export function Layout() {
  const t = useT()
  const { pathname } = useLocation()
  const { me } = useSignedIn()
  // Lets e2e tell which home view a role landed on.
  const mainTestId = pathname === homePath(me) ? `home-${me.user.role}` : undefined
  return (
    <AppFrame
      productName={t('app.name')}
      skipLinkLabel={t('app.skipToMain')}
      navLabel={t('app.nav')}
      nav={navItemsFor(me).map((item) => (
        <NavLink
          key={item.id}
          to={item.to}
          end={item.isEnd}
          className="app-nav-link"
          data-testid={`nav-${item.id}`}
        >
          {t(item.label)}
        </NavLink>
      ))}
      actions={
        <>
          <HealthBadge />
          <ThemeSwitch />
          <LanguageSwitch />
          <UserMenu />
        </>
      }
      banner={<ConnectionBanner />}
      mainTestId={mainTestId}
    >
      {/* Keyed by path so navigating away from a crashed page recovers. */}
      <ErrorBoundary key={pathname} fallback={<AppErrorFallback />}>
        <Outlet />
      </ErrorBoundary>
    </AppFrame>
  )
}
