import { Button, ErrorState } from '@cityops/ui'
import { ApiError, NetworkError, isForbidden } from '../../api/errors'
import { useT } from '../../i18n'
import { ForbiddenState } from './forbidden-state'

type QueryProblemProps = { error: unknown; onRetry: () => void }

/** Why a read failed: forbidden (server's message), offline, or the server's error. */
export function QueryProblem({ error, onRetry }: QueryProblemProps) {
  const t = useT()
  if (isForbidden(error)) {
    return <ForbiddenState message={error.problem.error ?? t('access.forbiddenTitle')} />
  }
  const retry = (
    <Button variant="primary" onClick={onRetry}>
      {t('common.retry')}
    </Button>
  )
  if (error instanceof NetworkError) {
    return (
      <div className="page-center">
        <ErrorState
          title={t('common.offlineTitle')}
          description={t('common.offlineDescription')}
          action={retry}
        />
      </div>
    )
  }
  const description =
    error instanceof ApiError
      ? (error.problem.error ?? t('common.unexpected', { status: error.status }))
      : error instanceof Error
        ? error.message
        : undefined
  return (
    <div className="page-center">
      <ErrorState title={t('common.loadFailed')} description={description} action={retry} />
    </div>
  )
}
