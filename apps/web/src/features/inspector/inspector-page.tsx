import { Page } from '@cityops/ui'
import { useSearchParams } from 'react-router'
import { useT } from '../../i18n'
import { useLiveInvalidation } from '../../live/use-live-invalidation'
import { FieldCaseView } from '../field-kit/field-case-view'
import { FieldStatus } from '../field-kit/field-status'
import { useFieldTheme } from '../field-kit/use-field-theme'
import { InspectorTasks } from './inspector-tasks'
import { ReportForm } from './report-form'
import '../field-kit/field.css'

const LIVE_TOPICS = ['cases'] as const
type Tab = 'report' | 'tasks'

/**
 * Route /field: 现场巡查, the inspector's phone. Two tabs: 上报 (report a case) and 我的任务
 * (核实 / 核查); a task opens as `?tab=tasks&case=<id>`.
 */
export function InspectorPage() {
  const t = useT()
  useFieldTheme()
  const [search, setSearch] = useSearchParams()
  const tab: Tab = search.get('tab') === 'tasks' ? 'tasks' : 'report'
  const caseId = search.get('case')
  const connection = useLiveInvalidation(LIVE_TOPICS)
  const go = (next: Tab, id?: string) =>
    setSearch(next === 'tasks' ? { tab: 'tasks', ...(id ? { case: id } : {}) } : {})

  return (
    <Page className="field-page" title={t('field.title')}>
      <FieldStatus connection={connection} />
      <div className="field-tabs" role="tablist" aria-label={t('field.title')}>
        {(['report', 'tasks'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`field-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`field-panel-${name}`}
            className="field-tabs__tab"
            onClick={() => go(name)}
            data-testid={`field-tab-${name}`}
          >
            {t(name === 'report' ? 'report.tab' : 'field.tasks')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`field-panel-${tab}`} aria-labelledby={`field-tab-${tab}`}>
        {tab === 'report' ? (
          <ReportForm />
        ) : caseId ? (
          <FieldCaseView
            caseId={caseId}
            onBack={() => go('tasks')}
            backLabel={t('field.backToTasks')}
          />
        ) : (
          <InspectorTasks onOpen={(id) => go('tasks', id)} />
        )}
      </div>
    </Page>
  )
}
