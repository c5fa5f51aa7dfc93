import { Button, Panel } from '@cityops/ui'
import { useT } from '../../i18n'
import { MfaSetup } from '../account/mfa-setup'
import { PublicFrame } from '../shell'
import { useLogout } from './use-logout'
import './login-page.css'

/** Shown instead of the app while the account must enroll a second factor (API: 403 until then). */
export function MfaEnrollmentPage() {
  const t = useT()
  const logout = useLogout()
  return (
    <PublicFrame
      actions={
        <Button onClick={() => logout.mutate()} data-testid="enrollment-logout">
          {t('account.logout')}
        </Button>
      }
    >
      <div className="login-page" data-testid="mfa-enrollment">
        <div className="enrollment">
          <h1 className="login-card__title">{t('mfa.enrollTitle')}</h1>
          <p className="login-card__subtitle">{t('mfa.enrollDescription')}</p>
          <Panel title={t('mfa.title')}>
            <MfaSetup />
          </Panel>
        </div>
      </div>
    </PublicFrame>
  )
}
