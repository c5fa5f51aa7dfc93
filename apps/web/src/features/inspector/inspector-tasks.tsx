import { EmptyState, LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { casesQueryOptions } from '../../api/cases'
import { useT } from '../../i18n'
import { QueryProblem } from '../access'
import { CaseRow } from '../field-kit/case-row'
import { INSPECTOR_TASK_STATES, inspectorTaskOrder } from '../field-kit/queue-order'
import { useNow } from '../field-kit/use-now'

/**
 * 核实 and 核查 tasks. The list API does not (yet) say which inspector a 核查 was assigned to,
 * so this shows every open one the inspector may read; the case view offers only the actions
 * the server allows this inspector.
 */
export function InspectorTasks({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT()
  const now = useNow()
  const query = useQuery(casesQueryOptions({ status: INSPECTOR_TASK_STATES }))
  if (query.isPending) return <LoadingState label={t('common.loading')} />
  if (query.isError) {
    return <QueryProblem error={query.error} onRetry={() => void query.refetch()} />
  }
  const tasks = inspectorTaskOrder(query.data.items)
  if (tasks.length === 0) {
    return <EmptyState title={t('field.emptyTitle')} description={t('field.tasksEmpty')} />
  }
  return (
    <ul className="case-list" data-testid="inspector-tasks">
      {tasks.map((item) => (
        <CaseRow key={item.id} item={item} now={now} onOpen={onOpen} />
      ))}
    </ul>
  )
}
