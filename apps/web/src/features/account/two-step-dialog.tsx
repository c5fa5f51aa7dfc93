import { Button, DialogActions, InlineAlert } from '@cityops/ui'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { queryKeys } from '../../api/query-keys'
import { disableMfa } from '../../api/session'
import { useT } from '../../i18n'
import { useSignedIn } from '../session/signed-in'
import { AppDialog, MutationError } from '../shell'
import { CodeField, MfaSetup } from './mfa-setup'

function MfaDisable() {
  const t = useT()
  const queryClient = useQueryClient()
  const [code, setCode] = useState('')
  const [isSubmitted, setSubmitted] = useState(false)
  const mutation = useMutation({
    mutationFn: disableMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session.me() }),
  })
  if (mutation.isSuccess) return <InlineAlert tone="success">{t('mfa.disabled')}</InlineAlert>
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    if (/^\d{6}$/.test(code)) mutation.mutate(code)
  }
  return (
    <form className="dialog-form" noValidate onSubmit={onSubmit}>
      <p className="form-message">{t('mfa.disableIntro')}</p>
      <CodeField
        value={code}
        onChange={setCode}
        error={isSubmitted && !/^\d{6}$/.test(code) ? t('mfa.codeInvalid') : undefined}
      />
      <MutationError error={mutation.error} />
      <Button type="submit" disabled={mutation.isPending} data-testid="mfa-disable">
        {mutation.isPending ? t('common.saving') : t('mfa.disable')}
      </Button>
    </form>
  )
}

/** 两步验证: set up when off; turn off when on (unless the account requires it). */
export function TwoStepDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const { me } = useSignedIn()
  // Which form to show is fixed when the dialog opens, so the success message of the one
  // just used stays visible after /api/me changes.
  const [wasEnabled] = useState(me.mfa.enabled)
  return (
    <AppDialog title={t('mfa.title')} onClose={onClose} data-testid="two-step-dialog">
      <p className="form-message">{wasEnabled ? t('mfa.on') : t('mfa.off')}</p>
      {!wasEnabled ? (
        <MfaSetup />
      ) : me.mfa.required ? (
        <InlineAlert tone="info">{t('mfa.requiredNote')}</InlineAlert>
      ) : (
        <MfaDisable />
      )}
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </AppDialog>
  )
}
