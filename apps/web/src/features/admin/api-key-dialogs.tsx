import { API_KEY_SCOPES, PERMISSION_LABELS } from '@cityops/domain'
import type { ApiKeyScope } from '@cityops/domain'
import {
  Button,
  CheckboxField,
  DialogActions,
  Fieldset,
  InlineAlert,
  SelectField,
  TextField,
} from '@cityops/ui'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { createApiKey } from '../../api/api-keys'
import type { ApiKeyCreated } from '../../api/api-keys'
import type { DepartmentItem } from '../../api/departments'
import { queryKeys } from '../../api/query-keys'
import { useLabel, useT } from '../../i18n'
import { AppDialog, CopyButton, MutationError } from '../shell'
import { useDepartmentName } from './use-department-name'

type CreateProps = {
  departments: readonly DepartmentItem[]
  onCreated: (key: ApiKeyCreated) => void
  onClose: () => void
}

/** 新建 API 密钥: a name, scopes from the domain's API_KEY_SCOPES, optionally one department. */
export function ApiKeyCreateDialog({ departments, onCreated, onClose }: CreateProps) {
  const t = useT()
  const label = useLabel()
  const departmentName = useDepartmentName(departments)
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<ApiKeyScope[]>([])
  const [departmentCode, setDepartmentCode] = useState('')
  const [isSubmitted, setSubmitted] = useState(false)
  const mutation = useMutation({
    mutationFn: () =>
      createApiKey({ name: name.trim(), scopes, ...(departmentCode ? { departmentCode } : {}) }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.admin.apiKeys() })
      onCreated(created)
    },
  })
  const toggle = (scope: ApiKeyScope, isOn: boolean) =>
    setScopes((s) =>
      isOn
        ? API_KEY_SCOPES.filter((x) => x === scope || s.includes(x))
        : s.filter((x) => x !== scope),
    )
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    if (name.trim() !== '' && scopes.length > 0) mutation.mutate()
  }
  return (
    <AppDialog
      title={t('apiKeys.createTitle')}
      size="lg"
      onClose={onClose}
      data-testid="api-key-create-dialog"
    >
      <form className="dialog-form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('apiKeys.name')}
          hint={t('apiKeys.nameHint')}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={isSubmitted && name.trim() === '' ? t('apiKeys.nameInvalid') : undefined}
        />
        <Fieldset
          label={t('apiKeys.scopes')}
          error={isSubmitted && scopes.length === 0 ? t('apiKeys.scopesRequired') : undefined}
        >
          {API_KEY_SCOPES.map((scope) => (
            <CheckboxField
              key={scope}
              label={label(PERMISSION_LABELS[scope])}
              hint={<code>{scope}</code>}
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
              data-testid={`scope-${scope}`}
            />
          ))}
        </Fieldset>
        <SelectField
          label={t('apiKeys.department')}
          hint={t('apiKeys.departmentHint')}
          value={departmentCode}
          onChange={(e) => setDepartmentCode(e.target.value)}
        >
          <option value="">{t('apiKeys.departmentNone')}</option>
          {departments
            .filter((d) => d.active !== false)
            .map((d) => (
              <option key={d.code} value={d.code}>
                {departmentName(d.code)} ({d.code})
              </option>
            ))}
        </SelectField>
        <MutationError error={mutation.error} />
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={mutation.isPending}
            data-testid="api-key-submit"
          >
            {mutation.isPending ? t('common.saving') : t('apiKeys.submit')}
          </Button>
        </DialogActions>
      </form>
    </AppDialog>
  )
}

/** Shows a new key's secret the one time the server sends it. */
export function ApiKeyCreatedDialog({
  created,
  onClose,
}: {
  created: ApiKeyCreated
  onClose: () => void
}) {
  const t = useT()
  return (
    <AppDialog
      title={t('apiKeys.createdTitle')}
      role="alertdialog"
      onClose={onClose}
      data-testid="api-key-created-dialog"
    >
      <InlineAlert tone="warn">{t('apiKeys.createdWarning')}</InlineAlert>
      <dl className="secret-list">
        <dt>{t('apiKeys.key')}</dt>
        <dd>
          <code className="secret-text secret-text--wrap" data-testid="api-key-secret">
            {created.key}
          </code>
          <CopyButton text={created.key} data-testid="api-key-copy" />
        </dd>
      </dl>
      <DialogActions>
        <Button variant="primary" onClick={onClose}>
          {t('apiKeys.saved')}
        </Button>
      </DialogActions>
    </AppDialog>
  )
}
