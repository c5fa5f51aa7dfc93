import { EmptyState } from '@cityops/ui'
import { Link, useLocation } from 'react-router'
import { homePath } from '../features/access'
import { useSignedIn } from '../features/session'
import { useT } from '../i18n'

export function NotFoundPage() {
  const t = useT()
  const { pathname } = useLocation()
  const { me } = useSignedIn()
  return (
    <div className="page-center">
      <EmptyState
        title={t('notFound.title')}
        description={t('notFound.description', { path: pathname })}
        action={
          <Link to={homePath(me)} className="app-link">
            {t('notFound.home')}
          </Link>
        }
      />
    </div>
  )
}
