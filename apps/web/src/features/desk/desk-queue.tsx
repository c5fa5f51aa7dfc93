import { Button, EmptyState, ErrorState, LoadingState } from '@cityops/ui'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { CaseItem, CaseList as CaseListData } from '../../api/cases'
import { useT } from '../../i18n'
import { CaseList, type CaseListProps } from './case-list'

type Props = Omit<CaseListProps, 'items' | 'label'> & {
  title: string
  query: UseQueryResult<CaseListData>
  /** The rows to show (the query's, possibly narrowed); defaults to all. */
  items?: readonly CaseItem[]
  emptyTitle: string
  emptyDescription: string
  loadingLabel: string
  header?: ReactNode
  /** Still working out which rows belong (e.g. reading each case's open request). */
  isLoading?: boolean
}

/** A desk's list column with its loading, error and empty states. */
export function DeskQueue(props: Props) {
  const {
    title,
    query,
    items,
    emptyTitle,
    emptyDescription,
    loadingLabel,
    header,
    isLoading,
    ...list
  } = props
  const t = useT()
  const rows = items ?? query.data?.items ?? []
  return (
    <section className="desk-column" aria-label={title}>
      <header className="desk-column__header">
        <h2>{title}</h2>
        {query.data ? (
          <span className="case-muted" data-testid="queue-count">
            {t('desk.count', { count: items ? items.length : query.data.total })}
          </span>
        ) : null}
      </header>
      {header}
      <div className="desk-column__body">
        {query.isPending || isLoading ? (
          <LoadingState label={loadingLabel} />
        ) : query.isError ? (
          <ErrorState
            title={t('desk.loadError')}
            description={query.error.message}
            action={<Button onClick={() => void query.refetch()}>{t('caseError.retry')}</Button>}
          />
        ) : rows.length === 0 ? (
          <EmptyState title={emptyTitle} description={emptyDescription} />
        ) : (
          <CaseList label={title} items={rows} {...list} />
        )}
      </div>
    </section>
  )
}
