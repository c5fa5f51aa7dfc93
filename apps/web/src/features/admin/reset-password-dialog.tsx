import { checkPassword } from '@cityops/domain'
import { Button, DialogActions, InlineAlert, TextField } from '@cityops/ui'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { resetUserPassword } from '../../api/admin-users'
import type { AdminUser } from '../../api/admin-users'
import { useT } from '../../i18n'
import { PasswordHints, PasswordMutationError } from '../account'
import { AppDialog } from '../shell'

/** 重置密码 of another user, checked by the same domain rules as everyone's own password. */
export function ResetPasswordDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const t = useT()
  const [password, setPassword] = useState('')
  const mutation = useMutation({ mutationFn: () => resetUserPassword(user.id, password) })
  const context = { username: user.username, displayName: user.displayName }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (checkPassword(password, context).ok) mutation.mutate()
  }
  return (
    <AppDialog
      title={t('users.resetTitle', { username: user.username })}
      description={t('users.resetDescription')}
      onClose={onClose}
      data-testid="reset-password-dialog"
    >
      {mutation.isSuccess ? (
        <>
          <InlineAlert tone="success">
            {t('users.resetDone', { username: user.username })}
          </InlineAlert>
          <DialogActions>
            <Button variant="primary" data-autofocus onClick={onClose}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form className="dialog-form" noValidate onSubmit={onSubmit}>
          <TextField
            label={t('users.newPassword')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={<PasswordHints password={password} {...context} />}
          />
          <PasswordMutationError error={mutation.error} />
          <DialogActions>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('users.resetPassword')}
            </Button>
          </DialogActions>
        </form>
      )}
    </AppDialog>
  )
}
