import { checkPassword } from '@cityops/domain'
import { Button, DialogActions, InlineAlert, TextField } from '@cityops/ui'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { changePassword } from '../../api/session'
import type { PasswordChange } from '../../api/session'
import { useT } from '../../i18n'
import { useSignedIn } from '../session/signed-in'
import { AppDialog } from '../shell'
import { PasswordHints, PasswordMutationError } from './password-hints'

/** 修改密码: current + new (checked live by the domain rules) + confirmation. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const { me } = useSignedIn()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [isSubmitted, setSubmitted] = useState(false)
  const mutation = useMutation({ mutationFn: (input: PasswordChange) => changePassword(input) })

  const context = { username: me.user.username, displayName: me.user.displayName }
  const isMismatch = confirm !== '' && confirm !== next
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    if (current === '' || !checkPassword(next, context).ok || next !== confirm) return
    mutation.mutate({ currentPassword: current, newPassword: next })
  }

  return (
    <AppDialog
      title={t('password.title')}
      description={t('password.description')}
      onClose={onClose}
      data-testid="change-password-dialog"
    >
      {mutation.isSuccess ? (
        <>
          <InlineAlert tone="success">{t('password.done')}</InlineAlert>
          <DialogActions>
            <Button variant="primary" data-autofocus onClick={onClose}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form className="dialog-form" noValidate onSubmit={onSubmit}>
          <TextField
            label={t('password.current')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={isSubmitted && current === '' ? t('password.currentRequired') : undefined}
          />
          <TextField
            label={t('password.new')}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            hint={<PasswordHints password={next} {...context} />}
          />
          <TextField
            label={t('password.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={
              isMismatch || (isSubmitted && confirm !== next) ? t('password.mismatch') : undefined
            }
          />
          <PasswordMutationError error={mutation.error} />
          <DialogActions>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('password.submit')}
            </Button>
          </DialogActions>
        </form>
      )}
    </AppDialog>
  )
}
