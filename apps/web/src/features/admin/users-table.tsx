import { ROLE_LABELS } from '@cityops/domain'
import { Button, Table, Tag } from '@cityops/ui'
import type { AdminUser } from '../../api/admin-users'
import { formatDateTime, useLabel, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

export type UserAction = 'edit' | 'reset' | 'deactivate' | 'activate'

type UsersTableProps = {
  users: readonly AdminUser[]
  selfId: string
  departmentName: (code: string | null) => string
  onAction: (action: UserAction, user: AdminUser) => void
}

/** 用户列表: one row per account, actions at the end (named with the username for AT). */
export function UsersTable({ users, selfId, departmentName, onAction }: UsersTableProps) {
  const t = useT()
  const label = useLabel()
  const locale = useAppStore((s) => s.locale)
  const action = (kind: UserAction, user: AdminUser, text: string) => (
    <Button
      aria-label={`${text} ${user.username}`}
      data-testid={`user-${kind}-${user.username}`}
      onClick={() => onAction(kind, user)}
    >
      {text}
    </Button>
  )
  return (
    <Table caption={t('users.table')} data-testid="users-table">
      <thead>
        <tr>
          <th scope="col">{t('users.col.username')}</th>
          <th scope="col">{t('users.col.displayName')}</th>
          <th scope="col">{t('users.col.role')}</th>
          <th scope="col">{t('users.col.department')}</th>
          <th scope="col">{t('users.col.status')}</th>
          <th scope="col">{t('users.col.lastLogin')}</th>
          <th scope="col">{t('users.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid={`user-row-${user.username}`}>
            <th scope="row" className="co-table__mono co-table__nowrap">
              {user.username}
              {user.id === selfId ? <span className="self-mark"> · {t('users.self')}</span> : null}
            </th>
            <td>{user.displayName}</td>
            <td className="co-table__nowrap">{label(ROLE_LABELS[user.role])}</td>
            <td>{departmentName(user.departmentCode) || t('common.none')}</td>
            <td>
              {user.active ? (
                <Tag tone="ok" icon="check">
                  {t('common.active')}
                </Tag>
              ) : (
                <Tag tone="muted" icon="block">
                  {t('common.inactive')}
                </Tag>
              )}
            </td>
            <td className="co-table__nowrap">
              {user.lastLoginAt ? formatDateTime(locale, user.lastLoginAt) : t('users.never')}
            </td>
            <td>
              <div className="co-table__actions">
                {action('edit', user, t('common.edit'))}
                {action('reset', user, t('users.resetPassword'))}
                {user.id === selfId
                  ? null
                  : user.active
                    ? action('deactivate', user, t('users.deactivate'))
                    : action('activate', user, t('users.activate'))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
