import { Button, EmptyState, LoadingState, Page } from '@cityops/ui'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { departmentsQueryOptions, updateDepartment } from '../../api/departments'
import type { DepartmentItem } from '../../api/departments'
import { queryKeys } from '../../api/query-keys'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { QueryProblem } from '../access'
import { ConfirmDialog, MutationError } from '../shell'
import { DepartmentFormDialog } from './department-form-dialog'
import { DepartmentsTable } from './departments-table'
import type { DepartmentAction } from './departments-table'

type Open = { kind: 'create' } | { kind: 'edit' | 'deactivate'; department: DepartmentItem } | null

/** Route /admin/departments: 部门管理. */
export default function DepartmentsPage() {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const queryClient = useQueryClient()
  const departments = useQuery(departmentsQueryOptions())
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)
  const setActive = useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) =>
      updateDepartment(code, { active }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.departments.all() })
      close()
    },
  })
  const onAction = (action: DepartmentAction, department: DepartmentItem) => {
    setActive.reset()
    if (action === 'activate') setActive.mutate({ code: department.code, active: true })
    else setOpen({ kind: action, department })
  }

  if (departments.isError) {
    return <QueryProblem error={departments.error} onRetry={() => void departments.refetch()} />
  }
  return (
    <Page
      title={t('departments.title')}
      actions={
        <Button
          variant="primary"
          onClick={() => setOpen({ kind: 'create' })}
          data-testid="department-create"
        >
          {t('departments.create')}
        </Button>
      }
    >
      {open === null ? <MutationError error={setActive.error} /> : null}
      {departments.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : departments.data.length === 0 ? (
        <EmptyState
          title={t('departments.emptyTitle')}
          description={t('departments.emptyDescription')}
        />
      ) : (
        <DepartmentsTable departments={departments.data} onAction={onAction} />
      )}
      {open?.kind === 'create' ? <DepartmentFormDialog onClose={close} /> : null}
      {open?.kind === 'edit' ? (
        <DepartmentFormDialog department={open.department} onClose={close} />
      ) : null}
      {open?.kind === 'deactivate' ? (
        <ConfirmDialog
          title={t('departments.deactivateTitle', {
            name: locale === 'zh-CN' ? open.department.name : open.department.nameEn,
          })}
          message={t('departments.deactivateWarning')}
          confirmLabel={t('departments.deactivateConfirm')}
          onConfirm={() => setActive.mutate({ code: open.department.code, active: false })}
          onCancel={close}
          isPending={setActive.isPending}
          error={setActive.error}
        />
      ) : null}
    </Page>
  )
}
