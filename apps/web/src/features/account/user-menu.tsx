import { ROLE_LABELS } from '@cityops/domain'
import { Button, DialogActions, Icon, MenuButton } from '@cityops/ui'
import { useState } from 'react'
import { useAppStore } from '../../stores/app-store'
import { useLabel, useT } from '../../i18n'
import { useSignedIn } from '../session/signed-in'
import { useLogout } from '../session/use-logout'
import { AppDialog, MutationError } from '../shell'
import { ChangePasswordDialog } from './change-password-dialog'
import { TwoStepDialog } from './two-step-dialog'

type OpenDialog = 'password' | 'twoStep' | null

/** Header menu of the signed-in user: who they are, password, two-step, log out. */
export function UserMenu() {
  const t = useT()
  const label = useLabel()
  const locale = useAppStore((s) => s.locale)
  const { me } = useSignedIn()
  const logout = useLogout()
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const { displayName, department } = me.user
  const role = label(ROLE_LABELS[me.user.role])
  const departmentName = department
    ? locale === 'zh-CN'
      ? department.name
      : department.nameEn
    : null
  const subtitle = departmentName ? `${role} · ${departmentName}` : role

  return (
    <>
      <MenuButton
        data-testid="user-menu-button"
        buttonLabel={t('account.menu', { name: displayName })}
        label={
          <>
            <Icon name="user" />
            <span className="user-menu__who">
              <span className="user-menu__name">{displayName}</span>
              <span className="user-menu__role">{subtitle}</span>
            </span>
          </>
        }
        header={
          <div className="user-menu__header" data-testid="user-menu-header">
            <strong>{displayName}</strong>
            <span>{me.user.username}</span>
            <span>{role}</span>
            {departmentName ? (
              <span>{t('account.department', { name: departmentName })}</span>
            ) : null}
          </div>
        }
        items={[
          {
            id: 'password',
            label: t('account.changePassword'),
            onSelect: () => setDialog('password'),
            'data-testid': 'menu-change-password',
          },
          {
            id: 'twoStep',
            label: t('account.twoStep'),
            onSelect: () => setDialog('twoStep'),
            'data-testid': 'menu-two-step',
          },
          {
            id: 'logout',
            label: t('account.logout'),
            onSelect: () => logout.mutate(),
            'data-testid': 'menu-logout',
          },
        ]}
      />
      {dialog === 'password' ? <ChangePasswordDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'twoStep' ? <TwoStepDialog onClose={() => setDialog(null)} /> : null}
      {logout.isError ? (
        <AppDialog title={t('account.logoutFailed')} size="sm" onClose={() => logout.reset()}>
          <MutationError error={logout.error} />
          <DialogActions>
            <Button variant="primary" onClick={() => logout.reset()}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </AppDialog>
      ) : null}
    </>
  )
}
