import { DEMO_PASSWORD } from '@cityops/domain'
import { Button, InlineAlert, TextField } from '@cityops/ui'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NetworkError } from '../../api/errors'
import { demoInfoQueryOptions, login } from '../../api/session'
import type { LoginInput } from '../../api/session'
import { useT } from '../../i18n'
import type { Translate } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { DemoAccounts } from './demo-accounts'
import { resetSession } from './reset-session'
import { useCountdown } from './use-countdown'

type Failure = { message: string } | { throttle: 'backoff' | 'locked' } | null

function describeFailure(error: unknown, t: Translate): { message: string } {
  if (error instanceof NetworkError) return { message: t('login.offline') }
  if (error instanceof ApiError) {
    return { message: error.problem.error ?? t('login.failed', { status: error.status }) }
  }
  return { message: error instanceof Error ? error.message : String(error) }
}

/** Username, password and (when the server asks) the TOTP code; Enter submits. */
export function LoginForm() {
  const t = useT()
  const queryClient = useQueryClient()
  const demo = useQuery(demoInfoQueryOptions())
  const passwordRef = useRef<HTMLInputElement>(null)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [totp, setTotp] = useState('')
  const [isTotpAsked, setTotpAsked] = useState(false)
  const [failure, setFailure] = useState<Failure>(null)
  const countdown = useCountdown()
  const setLoggedOut = useAppStore((s) => s.setLoggedOut)

  const mutation = useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: (me) => {
      setLoggedOut(false)
      resetSession(queryClient, me)
    },
    onError: (error) => {
      const reason = error instanceof ApiError ? error.problem.reason : undefined
      if (error instanceof ApiError && error.status === 429) {
        countdown.start(error.problem.retryAfterSeconds ?? 1)
        setFailure({ throttle: reason === 'locked' ? 'locked' : 'backoff' })
        return
      }
      if (reason === 'mfaRequired') setTotpAsked(true)
      setFailure(describeFailure(error, t))
    },
  })

  const isThrottled = countdown.secondsLeft > 0
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (isThrottled || mutation.isPending) return
    if (username.trim() === '' || password === '') {
      setFailure({ message: t('login.required') })
      return
    }
    if (isTotpAsked && !/^\d{6}$/.test(totp)) {
      setFailure({ message: t('login.totpRequired') })
      return
    }
    setFailure(null)
    mutation.mutate({ username: username.trim(), password, ...(isTotpAsked ? { totp } : {}) })
  }

  return (
    <>
      <form className="login-form" noValidate onSubmit={onSubmit} data-testid="login-form">
        <TextField
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          data-testid="login-username"
          autoFocus
        />
        <TextField
          ref={passwordRef}
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="login-password"
        />
        {isTotpAsked ? (
          <TextField
            label={t('login.totp')}
            hint={t('login.totpHint')}
            name="totp"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]{6}"
            maxLength={6}
            autoFocus
            value={totp}
            onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
            data-testid="login-totp"
          />
        ) : null}
        {failure && 'message' in failure ? (
          <InlineAlert tone="error" data-testid="login-error">
            {failure.message}
          </InlineAlert>
        ) : null}
        {failure && 'throttle' in failure && isThrottled ? (
          <InlineAlert tone="warn" data-testid="login-throttle">
            {failure.throttle === 'locked'
              ? t('login.throttledLocked')
              : t('login.throttledBackoff')}{' '}
            {t('login.retryIn', { seconds: countdown.secondsLeft })}
          </InlineAlert>
        ) : null}
        <Button
          type="submit"
          variant="primary"
          className="login-form__submit"
          disabled={isThrottled || mutation.isPending}
          data-testid="login-submit"
        >
          {mutation.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>
      {demo.data?.demo ? (
        <DemoAccounts
          accounts={demo.data.accounts}
          password={DEMO_PASSWORD}
          onPick={(name) => {
            setUsername(name)
            passwordRef.current?.focus()
          }}
        />
      ) : null}
    </>
  )
}
