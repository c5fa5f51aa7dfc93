import { Button, EmptyState, LoadingState, Page } from '@cityops/ui'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { apiKeysQueryOptions, revokeApiKey } from '../../api/api-keys'
import type { ApiKey, ApiKeyCreated } from '../../api/api-keys'
import { departmentsQueryOptions } from '../../api/departments'
import { queryKeys } from '../../api/query-keys'
import { useT } from '../../i18n'
import { QueryProblem } from '../access'
import { ConfirmDialog } from '../shell'
import { ApiKeyCreateDialog, ApiKeyCreatedDialog } from './api-key-dialogs'
import { ApiKeysTable } from './api-keys-table'
import { useDepartmentName } from './use-department-name'

type Open =
  | { kind: 'create' }
  | { kind: 'created'; created: ApiKeyCreated }
  | { kind: 'revoke'; key: ApiKey }
  | null

/** Route /admin/api-keys: API 密钥 for machine clients. */
export default function ApiKeysPage() {
  const t = useT()
  const queryClient = useQueryClient()
  const keys = useQuery(apiKeysQueryOptions())
  const departments = useQuery(departmentsQueryOptions())
  const departmentName = useDepartmentName(departments.data)
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(key.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.admin.apiKeys() })
      close()
    },
  })

  if (keys.isError) return <QueryProblem error={keys.error} onRetry={() => void keys.refetch()} />
  return (
    <Page
      title={t('apiKeys.title')}
      subtitle={t('apiKeys.subtitle')}
      actions={
        <Button
          variant="primary"
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="api-key-create"
        >
          {t('apiKeys.create')}
        </Button>
      }
    >
      {keys.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : keys.data.length === 0 ? (
        <EmptyState title={t('apiKeys.emptyTitle')} description={t('apiKeys.emptyDescription')} />
      ) : (
        <ApiKeysTable
          keys={keys.data}
          departmentName={departmentName}
          onRevoke={(key) => {
            revoke.reset()
            setOpen({ kind: 'revoke', key })
          }}
        />
      )}
      {open?.kind === 'create' ? (
        <ApiKeyCreateDialog
          departments={departments.data ?? []}
          onCreated={(created) => setOpen({ kind: 'created', created })}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'created' ? (
        <ApiKeyCreatedDialog created={open.created} onClose={close} />
      ) : null}
      {open?.kind === 'revoke' ? (
        <ConfirmDialog
          title={t('apiKeys.revokeTitle', { name: open.key.name })}
          message={t('apiKeys.revokeWarning')}
          confirmLabel={t('apiKeys.revokeConfirm')}
          onConfirm={() => revoke.mutate(open.key)}
          onCancel={close}
          isPending={revoke.isPending}
          error={revoke.error}
        />
      ) : null}
    </Page>
  )
}
