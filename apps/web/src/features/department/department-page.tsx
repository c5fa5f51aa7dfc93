import { EmptyState, LoadingState, Page, Panel } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { departmentQueryOptions } from '../../api/departments'
import { isNotFound } from '../../api/errors'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { QueryProblem } from '../access'
import './department-page.css'

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="stat__value">{value}</span>
      <span className="stat__label">{label}</span>
    </div>
  )
}

/**
 * Route /departments/:code: 部门工作台. The BFF decides who may see a department (a handler
 * only its own) and this page shows its 403 message as it is.
 */
export default function DepartmentPage() {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const { code = '' } = useParams()
  const query = useQuery(departmentQueryOptions(code))

  if (query.isPending) {
    return (
      <div className="page-center">
        <LoadingState label={t('common.loading')} />
      </div>
    )
  }
  if (query.isError) {
    if (isNotFound(query.error)) {
      return (
        <Page title={t('department.titlePlain')}>
          <EmptyState
            title={t('department.notFoundTitle')}
            description={t('department.notFound', { code })}
          />
        </Page>
      )
    }
    return <QueryProblem error={query.error} onRetry={() => void query.refetch()} />
  }
  const { department, activeHandlers } = query.data
  const name = locale === 'zh-CN' ? department.name : department.nameEn
  return (
    <Page title={t('department.title', { name })} subtitle={department.code}>
      <div className="stats">
        <Stat
          label={t('department.activeHandlers')}
          value={activeHandlers}
          testId="active-handlers"
        />
      </div>
      <Panel title={t('department.openWork')}>
        <EmptyState
          title={t('department.emptyTitle')}
          description={t('department.emptyDescription')}
        />
      </Panel>
    </Page>
  )
}
