import { ROLES, ROLE_LABELS } from '@cityops/domain'
import type { Role } from '@cityops/domain'
import { Button, DialogActions, SelectField, TextField } from '@cityops/ui'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { createUser, updateUser } from '../../api/admin-users'
import type { AdminUser } from '../../api/admin-users'
import type { DepartmentItem } from '../../api/departments'
import { queryKeys } from '../../api/query-keys'
import { useLabel, useT } from '../../i18n'
import { PasswordHints, PasswordMutationError } from '../account'
import { AppDialog } from '../shell'
import { departmentOf, isPasswordOk, validateUser } from './user-validation'
import type { UserDraft } from './user-validation'
import { useDepartmentName } from './use-department-name'

type UserFormDialogProps = {
  /** Absent: create a new user. */
  user?: AdminUser
  departments: readonly DepartmentItem[]
  onClose: () => void
}

function draftOf(user?: AdminUser): UserDraft {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'inspector',
    departmentCode: user?.departmentCode ?? '',
  }
}

/** 新建用户 / 编辑用户: validated by the domain's User schema and password rules. */
export function UserFormDialog({ user, departments, onClose }: UserFormDialogProps) {
  const t = useT()
  const label = useLabel()
  const departmentName = useDepartmentName(departments)
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState(() => draftOf(user))
  const [password, setPassword] = useState('')
  const [isSubmitted, setSubmitted] = useState(false)
  const set = (patch: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const mutation = useMutation({
    mutationFn: () => {
      const departmentCode = departmentOf(draft)
      const displayName = draft.displayName.trim()
      if (user) return updateUser(user.id, { displayName, role: draft.role, departmentCode })
      return createUser({
        username: draft.username,
        displayName,
        role: draft.role,
        password,
        ...(departmentCode ? { departmentCode } : {}),
      })
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.admin.users() })
      onClose()
    },
  })

  const errors = validateUser(draft)
  const shown = isSubmitted ? errors : {}
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    const isValid = Object.keys(errors).length === 0 && (user || isPasswordOk(password, draft))
    if (isValid) mutation.mutate()
  }

  const usable = departments.filter((d) => d.active !== false || d.code === draft.departmentCode)
  return (
    <AppDialog
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      onClose={onClose}
      data-testid="user-form-dialog"
    >
      <form className="dialog-form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('users.username')}
          hint={user ? undefined : t('users.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          disabled={Boolean(user)}
          value={draft.username}
          onChange={(e) => set({ username: e.target.value })}
          error={shown.username && t(shown.username)}
        />
        <TextField
          label={t('users.displayName')}
          autoComplete="off"
          value={draft.displayName}
          onChange={(e) => set({ displayName: e.target.value })}
          error={shown.displayName && t(shown.displayName)}
        />
        <SelectField
          label={t('users.role')}
          value={draft.role}
          onChange={(e) => set({ role: ROLES.find((r) => r === e.target.value) ?? draft.role })}
        >
          {ROLES.map((role: Role) => (
            <option key={role} value={role}>
              {label(ROLE_LABELS[role])}
            </option>
          ))}
        </SelectField>
        {draft.role === 'handler' ? (
          <SelectField
            label={t('users.department')}
            hint={t('users.departmentHint')}
            value={draft.departmentCode}
            onChange={(e) => set({ departmentCode: e.target.value })}
            error={shown.departmentCode && t(shown.departmentCode)}
          >
            <option value="">{t('users.departmentChoose')}</option>
            {usable.map((d) => (
              <option key={d.code} value={d.code}>
                {departmentName(d.code)} ({d.code})
              </option>
            ))}
          </SelectField>
        ) : null}
        {user ? null : (
          <TextField
            label={t('users.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={
              <PasswordHints
                password={password}
                username={draft.username}
                displayName={draft.displayName}
              />
            }
          />
        )}
        <PasswordMutationError error={mutation.error} />
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={mutation.isPending}
            data-testid="user-form-submit"
          >
            {mutation.isPending ? t('common.saving') : user ? t('common.save') : t('users.create')}
          </Button>
        </DialogActions>
      </form>
    </AppDialog>
  )
}
