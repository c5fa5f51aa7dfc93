import { EmptyState, LoadingState, Page } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useParams, useSearchParams } from 'react-router'
import { departmentQueryOptions } from '../../api/departments'
import { isNotFound } from '../../api/errors'
import { useT } from '../../i18n'
import { useLiveInvalidation } from '../../live/use-live-invalidation'
import { useAppStore } from '../../stores/app-store'
import { QueryProblem } from '../access'
import { FieldCaseView } from '../field-kit/field-case-view'
import { FieldStatus } from '../field-kit/field-status'
import { useFieldTheme } from '../field-kit/use-field-theme'
import { HandlerQueue } from '../handler/handler-queue'
import { HandlerIncidents } from '../incidents/handler-incidents'
import '../field-kit/field.css'

const LIVE_TOPICS = ['cases', 'incidents'] as const

/**
 * Route /departments/:code: 部门工作台, the handler's field app (phone first). The queue, or one
 * case (`?case=<id>`) with the actions the server allows. The BFF decides who may see a
 * department (a handler only its own) and this page shows its 403 message as it is.
 */
export default function DepartmentPage() {
  const t = useT()
  useFieldTheme()
  const locale = useAppStore((s) => s.locale)
  const { code = '' } = useParams()
  const [search, setSearch] = useSearchParams()
  const caseId = search.get('case')
  const query = useQuery(departmentQueryOptions(code))
  const connection = useLiveInvalidation(LIVE_TOPICS)

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
  const open = (id: string | null) => setSearch(id ? { case: id } : {}, { replace: false })
  return (
    <Page
      className="field-page"
      title={t('department.title', { name })}
      subtitle={
        <span data-testid="active-handlers">
          {t('handlerApp.subtitle', { code: department.code, count: activeHandlers })}
        </span>
      }
    >
      <FieldStatus connection={connection} />
      {caseId ? (
        <FieldCaseView
          caseId={caseId}
          onBack={() => open(null)}
          backLabel={t('handlerApp.backToQueue')}
        />
      ) : (
        <>
          <HandlerIncidents departmentCode={department.code} />
          <HandlerQueue departmentCode={department.code} onOpen={open} />
        </>
      )}
    </Page>
  )
}
