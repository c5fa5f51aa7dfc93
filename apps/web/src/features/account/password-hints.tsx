import { PASSWORD_PROBLEMS, PASSWORD_PROBLEM_LABELS, checkPassword } from '@cityops/domain'
import type { PasswordProblem } from '@cityops/domain'
import { InlineAlert } from '@cityops/ui'
import { ApiError } from '../../api/errors'
import { useLabel, useT } from '../../i18n'
import { MutationError } from '../shell'

type PasswordHintsProps = { password: string; username: string; displayName?: string }

/** Live rules for a new password, straight from the domain's `checkPassword`. */
export function PasswordHints({ password, username, displayName }: PasswordHintsProps) {
  const t = useT()
  const label = useLabel()
  const { ok, problems } = checkPassword(password, { username, displayName })
  if (ok) return <span className="password-hints password-hints--ok">{t('password.ok')}</span>
  return (
    <span className="password-hints" data-testid="password-hints">
      {t('password.stillNeeded')}
      <ul className="form-list">
        {problems.map((problem) => (
          <li key={problem}>{label(PASSWORD_PROBLEM_LABELS[problem])}</li>
        ))}
      </ul>
    </span>
  )
}

const isPasswordProblem = (value: string): value is PasswordProblem =>
  (PASSWORD_PROBLEMS as readonly string[]).includes(value)

/** A refused password: the server's sentence plus each problem it named, in our words. */
export function PasswordMutationError({ error }: { error: unknown }) {
  const t = useT()
  const label = useLabel()
  const problems = error instanceof ApiError ? error.problem.problems.filter(isPasswordProblem) : []
  if (problems.length === 0 || !(error instanceof ApiError)) return <MutationError error={error} />
  return (
    <InlineAlert tone="error" data-testid="password-refused">
      <p className="form-message">{error.problem.error ?? t('password.refused')}</p>
      <ul className="form-list">
        {problems.map((problem) => (
          <li key={problem}>{label(PASSWORD_PROBLEM_LABELS[problem])}</li>
        ))}
      </ul>
    </InlineAlert>
  )
}
