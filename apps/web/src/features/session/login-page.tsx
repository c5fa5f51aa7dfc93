import { LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Navigate, useSearchParams } from 'react-router'
import { meQueryOptions } from '../../api/session'
import { useT } from '../../i18n'
import { landingPath } from '../access/app-paths'
import { PublicFrame } from '../shell'
import { prefetchWallPage } from '../wall/load-wall-page'
import { LoginForm } from './login-form'
import './login-page.css'

/** Route /login: the only page the logged-out see. Signed in → `?next=` or the role's home. */
export default function LoginPage() {
  const t = useT()
  const [params] = useSearchParams()
  const me = useQuery(meQueryOptions())
  useEffect(prefetchWallPage, [])
  if (me.data) return <Navigate to={landingPath(me.data, params.get('next'))} replace />
  return (
    <PublicFrame>
      <div className="login-page">
        <section className="login-card" aria-labelledby="login-title">
          <h1 id="login-title" className="login-card__title">
            {t('login.title')}
          </h1>
          <p className="login-card__subtitle">{t('login.subtitle')}</p>
          {me.isPending ? <LoadingState label={t('session.loading')} /> : <LoginForm />}
        </section>
      </div>
    </PublicFrame>
  )
}
