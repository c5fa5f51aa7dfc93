import { Button, ErrorState, LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { Navigate, Outlet, useLocation } from 'react-router'
import type { Location } from 'react-router'
import { NetworkError } from '../../api/errors'
import { meQueryOptions } from '../../api/session'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { LOGIN_PATH } from '../access/app-paths'
import { PublicFrame } from '../shell'
import { MfaEnrollmentPage } from './mfa-enrollment-page'
import { SignedInContext } from './signed-in'
import { useSessionExpiry } from './use-session-expiry'

/** /login?next=<where the user was>, leaving `next` out for the bare root. */
export function loginPathFor(location: Pick<Location, 'pathname' | 'search' | 'hash'>): string {
  const next = `${location.pathname}${location.search}${location.hash}`
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`
}

/**
 * Gate of every signed-in route: checks the session, sends the logged-out to the login page,
 * holds everyone with a pending MFA enrollment on the enrollment screen, and provides `me`.
 */
export function RequireSession() {
  const t = useT()
  const location = useLocation()
  const query = useQuery(meQueryOptions())
  const hasLoggedOut = useAppStore((s) => s.hasLoggedOut)
  useSessionExpiry(query.data)

  if (query.data === undefined) {
    if (!query.isError) {
      return (
        <PublicFrame>
          <div className="page-center">
            <LoadingState label={t('session.loading')} />
          </div>
        </PublicFrame>
      )
    }
    const isOffline = query.error instanceof NetworkError
    return (
      <PublicFrame>
        <div className="page-center">
          <ErrorState
            title={isOffline ? t('common.offlineTitle') : t('session.errorTitle')}
            description={isOffline ? t('common.offlineDescription') : query.error.message}
            action={
              <Button variant="primary" onClick={() => void query.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        </div>
      </PublicFrame>
    )
  }
  const me = query.data
  if (me === null) {
    return <Navigate to={hasLoggedOut ? LOGIN_PATH : loginPathFor(location)} replace />
  }
  return (
    <SignedInContext value={me}>
      {me.mfa.required && !me.mfa.enabled ? <MfaEnrollmentPage /> : <Outlet />}
    </SignedInContext>
  )
}
