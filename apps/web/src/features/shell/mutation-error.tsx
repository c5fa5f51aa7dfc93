import { InlineAlert } from '@cityops/ui'
import { ApiError, NetworkError } from '../../api/errors'
import { useT } from '../../i18n'

/** The server's own sentence for a failed write (plus its schema issues), or "offline". */
export function MutationError({ error }: { error: unknown }) {
  const t = useT()
  if (!error) return null
  if (error instanceof NetworkError) {
    return <InlineAlert tone="error">{t('common.offlineAction')}</InlineAlert>
  }
  const message =
    error instanceof ApiError
      ? (error.problem.error ?? t('common.unexpected', { status: error.status }))
      : error instanceof Error
        ? error.message
        : String(error)
  const issues = error instanceof ApiError ? error.problem.issues : []
  return (
    <InlineAlert tone="error" data-testid="mutation-error">
      <p className="form-message">{message}</p>
      {issues.length > 0 ? (
        <ul className="form-list">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {t('common.issue', { path: issue.path, message: issue.message })}
            </li>
          ))}
        </ul>
      ) : null}
    </InlineAlert>
  )
}
