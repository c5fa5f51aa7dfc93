import { EmptyState, LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { casesQueryOptions } from '../../api/cases'
import { useT } from '../../i18n'
import { QueryProblem } from '../access'
import { CaseRow } from '../field-kit/case-row'
import { HANDLER_QUEUE_STATES, handlerQueueOrder, isOverdue } from '../field-kit/queue-order'
import { useNow } from '../field-kit/use-now'

type HandlerQueueProps = { departmentCode: string; onOpen: (id: string) => void }

/**
 * The department's open cases (the BFF scopes a handler to their own department); 派遣 first
 * by deadline, overdue marked. The list refetches on every `cases` event (see the page).
 */
export function HandlerQueue({ departmentCode, onOpen }: HandlerQueueProps) {
  const t = useT()
  const now = useNow()
  const query = useQuery(
    casesQueryOptions({ status: HANDLER_QUEUE_STATES, department: departmentCode }),
  )
  if (query.isPending) return <LoadingState label={t('common.loading')} />
  if (query.isError) {
    return <QueryProblem error={query.error} onRetry={() => void query.refetch()} />
  }
  // Staff who see every department (admin, leaders) get this department's cases only.
  const items = handlerQueueOrder(
    query.data.items.filter((c) => c.responsibleDepartment === departmentCode),
  )
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('handlerApp.emptyTitle')}
        description={t('handlerApp.emptyDescription')}
      />
    )
  }
  const toDo = items.filter((c) => c.status === 'DISPATCHED')
  const overdue = toDo.filter((c) => isOverdue(c, now)).length
  return (
    <section aria-labelledby="handler-queue-title">
      <h2 id="handler-queue-title" className="field-section-title">
        {t('handlerApp.queue')}
        <span className="field-section-title__count" data-testid="queue-count">
          {t('handlerApp.queueCount', { todo: toDo.length, overdue })}
        </span>
      </h2>
      <ul className="case-list" data-testid="handler-queue">
        {items.map((item) => (
          <CaseRow key={item.id} item={item} now={now} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  )
}
