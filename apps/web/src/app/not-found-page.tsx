import { EmptyState } from '@cityops/ui'
import { Link, useLocation } from 'react-router'
import { useT } from '../i18n'

export function NotFoundPage() {
  const t = useT()
  const { pathname } = useLocation()
  return (
    <div className="page-center">
      <EmptyState
        title={t('notFound.title')}
        description={t('notFound.description', { path: pathname })}
        action={
          <Link to="/" className="app-link">
            {t('notFound.home')}
          </Link>
        }
      />
    </div>
  )
}
