import { AppFrame } from '@cityops/ui'
import type { ReactNode } from 'react'
import { useT } from '../../i18n'
import { ConnectionBanner, HealthBadge } from '../health'
import { LanguageSwitch } from './language-switch'
import { ThemeSwitch } from './theme-switch'

type PublicFrameProps = {
  /** Extra header actions, e.g. a log-out button on the enrollment screen. */
  actions?: ReactNode
  children: ReactNode
}

/** The frame of screens shown before the app proper: login, session check, MFA enrollment. */
export function PublicFrame({ actions, children }: PublicFrameProps) {
  const t = useT()
  return (
    <AppFrame
      productName={t('app.name')}
      skipLinkLabel={t('app.skipToMain')}
      actions={
        <>
          <HealthBadge />
          <ThemeSwitch />
          <LanguageSwitch />
          {actions}
        </>
      }
      banner={<ConnectionBanner />}
    >
      {children}
    </AppFrame>
  )
}
