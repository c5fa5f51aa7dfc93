import { Button, EmptyState, LoadingState, Page } from '@cityops/ui'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { adminUsersQueryOptions, updateUser } from '../../api/admin-users'
import type { AdminUser } from '../../api/admin-users'
import { departmentsQueryOptions } from '../../api/departments'
import { queryKeys } from '../../api/query-keys'
import { useT } from '../../i18n'
import { QueryProblem } from '../access'
import { useSignedIn } from '../session'
import { ConfirmDialog, MutationError } from '../shell'
import { ResetPasswordDialog } from './reset-password-dialog'
import { useDepartmentName } from './use-department-name'
import { UserFormDialog } from './user-form-dialog'
import { UsersTable } from './users-table'
import type { UserAction } from './users-table'

type Open = { kind: 'create' } | { kind: Exclude<UserAction, 'activate'>; user: AdminUser } | null

/** Route /admin/users: 用户管理 (admin's home). */
export default function UsersPage() {
  const t = useT()
  const { me } = useSignedIn()
  const queryClient = useQueryClient()
  const users = useQuery(adminUsersQueryOptions())
  const departments = useQuery(departmentsQueryOptions())
  const departmentName = useDepartmentName(departments.data)
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)
  const setActive = useMutation({
    mutationFn: ({ user, active }: { user: AdminUser; active: boolean }) =>
      updateUser(user.id, { active }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.admin.users() })
      close()
    },
  })

  const onAction = (action: UserAction, user: AdminUser) => {
    setActive.reset()
    if (action === 'activate') setActive.mutate({ user, active: true })
    else setOpen({ kind: action, user })
  }

  if (users.isError) {
    return <QueryProblem error={users.error} onRetry={() => void users.refetch()} />
  }
  return (
    <Page
      title={t('users.title')}
      actions={
        <Button
          variant="primary"
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="user-create"
        >
          {t('users.create')}
        </Button>
      }
    >
      {open === null ? <MutationError error={setActive.error} /> : null}
      {users.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : users.data.length === 0 ? (
        <EmptyState title={t('users.emptyTitle')} description={t('users.emptyDescription')} />
      ) : (
        <UsersTable
          users={users.data}
          selfId={me.user.id}
          departmentName={departmentName}
          onAction={onAction}
        />
      )}
      {open?.kind === 'create' || open?.kind === 'edit' ? (
        <UserFormDialog
          user={open.kind === 'edit' ? open.user : undefined}
          departments={departments.data ?? []}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'reset' ? <ResetPasswordDialog user={open.user} onClose={close} /> : null}
      {open?.kind === 'deactivate' ? (
        <ConfirmDialog
          title={t('users.deactivateTitle', { username: open.user.username })}
          message={t('users.deactivateWarning')}
          confirmLabel={t('users.deactivateConfirm')}
          onConfirm={() => setActive.mutate({ user: open.user, active: false })}
          onCancel={close}
          isPending={setActive.isPending}
          error={setActive.error}
          data-testid="deactivate-dialog"
        />
      ) : null}
    </Page>
  )
}
