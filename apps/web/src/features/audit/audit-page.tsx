import { can } from '@cityops/domain'
import { Button, EmptyState, Icon, InlineAlert, LoadingState, Page, Panel } from '@cityops/ui'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { auditExportUrl, auditQueryOptions } from '../../api/audit'
import { useT } from '../../i18n'
import { QueryProblem } from '../access'
import { useSignedIn } from '../session'
import { MutationError } from '../shell'
import { AuditFilters } from './audit-filters'
import { AuditTable } from './audit-table'
import { apiFilters, formFromSearch, searchFromForm } from './audit-url'
import './audit-page.css'

/** Route /audit: 审计日志 for admin and leader; CSV export only with `audit.export`. */
export default function AuditPage() {
  const t = useT()
  const { actor } = useSignedIn()
  const [search, setSearch] = useSearchParams()
  const form = formFromSearch(search)
  const filters = apiFilters(form)
  const query = useInfiniteQuery(auditQueryOptions(filters))
  const rows = query.data?.pages.flatMap((page) => page.items) ?? []

  const exportLink = can(actor, 'audit.export') ? (
    <a
      className="co-button co-button--secondary"
      href={auditExportUrl(filters)}
      download
      title={t('audit.exportHint')}
      data-testid="audit-export"
    >
      <Icon name="download" />
      {t('audit.export')}
    </a>
  ) : null

  let results
  if (query.isPending) results = <LoadingState label={t('common.loading')} />
  else if (query.isError && rows.length === 0)
    results = <QueryProblem error={query.error} onRetry={() => void query.refetch()} />
  else if (rows.length === 0)
    results = <EmptyState title={t('audit.emptyTitle')} description={t('audit.emptyDescription')} />
  else
    results = (
      <>
        <AuditTable rows={rows} />
        <div className="audit-more">
          <p role="status" className="audit-more__count">
            {query.hasNextPage
              ? t('audit.shown', { count: rows.length })
              : t('audit.end', { count: rows.length })}
          </p>
          {query.isFetchNextPageError ? <MutationError error={query.error} /> : null}
          {query.hasNextPage ? (
            <Button
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
              data-testid="audit-load-more"
            >
              {query.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
            </Button>
          ) : null}
        </div>
      </>
    )

  return (
    <Page title={t('audit.title')} subtitle={t('audit.subtitle')} actions={exportLink}>
      <Panel title={t('audit.filters')}>
        <AuditFilters
          key={search.toString()}
          initial={form}
          onApply={(next) => setSearch(searchFromForm(next))}
        />
      </Panel>
      {query.isRefetchError && rows.length > 0 ? (
        <InlineAlert tone="error">{t('common.loadFailed')}</InlineAlert>
      ) : null}
      {results}
    </Page>
  )
}
