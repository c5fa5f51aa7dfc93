import { ROLE_LABELS } from '@cityops/domain'
import { useId } from 'react'
import type { DemoAccount } from '../../api/session'
import { useLabel, useT } from '../../i18n'

type DemoAccountsProps = {
  accounts: readonly DemoAccount[]
  password: string
  onPick: (username: string) => void
}

function AccountButton({ account, onPick }: { account: DemoAccount; onPick: (u: string) => void }) {
  const t = useT()
  const label = useLabel()
  const role = label(ROLE_LABELS[account.role])
  return (
    <li>
      <button
        type="button"
        className="demo-account"
        title={t('login.demoFill', { username: account.username, role })}
        onClick={() => onPick(account.username)}
        data-testid={`demo-account-${account.username}`}
      >
        <span className="demo-account__name">{account.username}</span>
        <span className="demo-account__role">{role}</span>
      </button>
    </li>
  )
}

/** Shown only in demo mode: the shared password and clickable accounts that fill the username. */
export function DemoAccounts({ accounts, password, onPick }: DemoAccountsProps) {
  const t = useT()
  const headingId = useId()
  const handlers = accounts.filter((a) => a.role === 'handler')
  const others = accounts.filter((a) => a.role !== 'handler')
  return (
    <section className="demo-accounts" aria-labelledby={headingId} data-testid="demo-accounts">
      <h2 id={headingId} className="demo-accounts__title">
        {t('login.demoTitle')}
      </h2>
      <p className="demo-accounts__hint">{t('login.demoHint', { password })}</p>
      <p className="demo-accounts__hint">{t('login.demoPick')}</p>
      <ul className="demo-accounts__list">
        {others.map((account) => (
          <AccountButton key={account.username} account={account} onPick={onPick} />
        ))}
      </ul>
      {handlers.length > 0 ? (
        <details className="demo-accounts__more">
          <summary>{t('login.demoHandlers', { count: handlers.length })}</summary>
          <ul className="demo-accounts__list">
            {handlers.map((account) => (
              <AccountButton key={account.username} account={account} onPick={onPick} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
