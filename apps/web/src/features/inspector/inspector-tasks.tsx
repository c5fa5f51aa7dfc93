import { EmptyState, LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { casesQueryOptions } from '../../api/cases'
import { useT } from '../../i18n'
import { QueryProblem } from '../access'
import { useSignedIn } from '../session'
import { CaseRow } from '../field-kit/case-row'
import { INSPECTOR_TASK_STATES, inspectorTaskOrder } from '../field-kit/queue-order'
import { useNow } from '../field-kit/use-now'

/**
 * 核实 and 核查 tasks: every 核实, and the 核查 given to this inspector or to nobody in
 * particular. Checks given to another inspector are left out and counted, so nobody walks to
 * a site a colleague is already going to.
 */
export function InspectorTasks({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT()
  const now = useNow()
  const { me } = useSignedIn()
  const query = useQuery(casesQueryOptions({ status: INSPECTOR_TASK_STATES }))
  if (query.isPending) return <LoadingState label={t('common.loading')} />
  if (query.isError) {
    return <QueryProblem error={query.error} onRetry={() => void query.refetch()} />
  }
  const { tasks, others } = inspectorTaskOrder(query.data.items, me.user.id)
  const othersNote =
    others > 0 ? (
      <p className="field-hint" data-testid="inspector-others">
        {t('field.othersChecks', { n: others })}
      </p>
    ) : null
  if (tasks.length === 0) {
    return (
      <>
        <EmptyState title={t('field.emptyTitle')} description={t('field.tasksEmpty')} />
        {othersNote}
      </>
    )
  }
  return (
    <>
      <ul className="case-list" data-testid="inspector-tasks">
        {tasks.map((item) => (
          <CaseRow key={item.id} item={item} now={now} onOpen={onOpen} />
        ))}
      </ul>
      {othersNote}
    </>
  )
}
