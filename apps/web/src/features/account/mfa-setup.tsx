import { Button, InlineAlert, TextField } from '@cityops/ui'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { queryKeys } from '../../api/query-keys'
import { enableMfa, setupMfa } from '../../api/session'
import { useT } from '../../i18n'
import { CopyButton, MutationError } from '../shell'

const isCode = (code: string) => /^\d{6}$/.test(code)

/** Groups a base32 secret in fours so it can be typed from the screen. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret

/** A 6-digit code field (autocomplete one-time-code) with its validation message. */
type CodeFieldProps = {
  value: string
  onChange: (v: string) => void
  error?: string
  /** For a field that appears after an action, so keyboard users land in it. */
  autoFocus?: boolean
}

export function CodeField({ value, onChange, error, autoFocus }: CodeFieldProps) {
  const t = useT()
  return (
    <TextField
      label={t('mfa.code')}
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9]{6}"
      maxLength={6}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      error={error}
      autoFocus={autoFocus}
      data-testid="mfa-code"
    />
  )
}

/** Two-step setup: get a secret (shown as text, no QR), then confirm it with a code. */
export function MfaSetup() {
  const t = useT()
  const queryClient = useQueryClient()
  const [code, setCode] = useState('')
  const [isSubmitted, setSubmitted] = useState(false)
  const setup = useMutation({ mutationFn: setupMfa })
  const enable = useMutation({
    mutationFn: enableMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session.me() }),
  })

  if (enable.isSuccess) return <InlineAlert tone="success">{t('mfa.enabled')}</InlineAlert>
  if (!setup.data) {
    return (
      <div className="mfa-setup">
        <p className="form-message">{t('mfa.intro')}</p>
        <MutationError error={setup.error} />
        <Button
          variant="primary"
          disabled={setup.isPending}
          onClick={() => setup.mutate()}
          data-testid="mfa-start"
        >
          {setup.isPending ? t('mfa.starting') : t('mfa.start')}
        </Button>
      </div>
    )
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    if (isCode(code)) enable.mutate(code)
  }
  const { secret, otpauthUrl } = setup.data
  return (
    <div className="mfa-setup">
      <p className="form-message">{t('mfa.step1')}</p>
      <dl className="secret-list">
        <dt>{t('mfa.secret')}</dt>
        <dd>
          <code className="secret-text" data-testid="mfa-secret">
            {grouped(secret)}
          </code>
          <CopyButton text={secret} />
        </dd>
        <dt>{t('mfa.url')}</dt>
        <dd>
          <code className="secret-text secret-text--wrap" data-testid="mfa-otpauth-url">
            {otpauthUrl}
          </code>
          <CopyButton text={otpauthUrl} />
        </dd>
      </dl>
      <form className="dialog-form" noValidate onSubmit={onSubmit}>
        <p className="form-message">{t('mfa.step2')}</p>
        <CodeField
          value={code}
          onChange={setCode}
          error={isSubmitted && !isCode(code) ? t('mfa.codeInvalid') : undefined}
          autoFocus
        />
        <MutationError error={enable.error} />
        <Button
          type="submit"
          variant="primary"
          disabled={enable.isPending}
          data-testid="mfa-enable"
        >
          {enable.isPending ? t('common.saving') : t('mfa.enable')}
        </Button>
      </form>
    </div>
  )
}
