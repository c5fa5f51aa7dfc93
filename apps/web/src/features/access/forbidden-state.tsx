import { ErrorState } from '@cityops/ui'
import { Link } from 'react-router'
import { useT } from '../../i18n'
import { useSignedIn } from '../session/signed-in'
import { homePath } from './app-paths'

/** "无权访问 / Not allowed" with the reason, as the server (or the policy) words it. */
export function ForbiddenState({ message }: { message: string }) {
  const t = useT()
  const { me } = useSignedIn()
  return (
    <div className="page-center" data-testid="forbidden-state">
      <ErrorState
        title={t('access.forbiddenTitle')}
        description={<span data-testid="forbidden-message">{message}</span>}
        action={
          <Link to={homePath(me)} className="app-link">
            {t('access.home')}
          </Link>
        }
      />
    </div>
  )
}
