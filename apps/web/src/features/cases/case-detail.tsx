import './cases.css'
import { Button, ErrorState, LoadingState, Tag } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { caseQueryOptions, type CaseWithActions } from '../../api/cases'
import { useT } from '../../i18n'
import { CaseActions, type CaseActionsProps } from './case-actions'
import { CaseEvidence } from './case-evidence'
import { CaseFacts } from './case-facts'
import { CaseTimeline } from './case-timeline'
import { SlaClock } from './sla-clock'

export type CaseDetailProps = Omit<CaseActionsProps, 'detail'> & {
  caseId: string
  now: number
  /** Desk-specific panels between the facts and the actions (suggestion, duplicates). */
  children?: (detail: CaseWithActions) => ReactNode
  /** Leave out the history and photos (a compact phone view). */
  isCompact?: boolean
}

export function CaseStateTag({ status }: { status: CaseWithActions['case']['status'] }) {
  const t = useT()
  const done = status === 'CLOSED' || status === 'INVALID' || status === 'NOT_FILED'
  return (
    <Tag tone={done ? 'muted' : 'info'} icon={done ? 'check' : 'info'} data-testid="case-state">
      {t(`caseState.${status}`)}
    </Tag>
  )
}

/**
 * One case for a desk or a phone: facts, 处置 clock, the caller's actions, history and photos.
 * Fetches its own data by id, so every screen shows the same, live-invalidated case.
 */
export function CaseDetail({
  caseId,
  now,
  children,
  isCompact = false,
  ...actions
}: CaseDetailProps) {
  const t = useT()
  const query = useQuery(caseQueryOptions(caseId))
  if (query.isPending) return <LoadingState label={t('caseDetail.loading')} />
  if (query.isError)
    return (
      <ErrorState
        title={t('caseDetail.loadError')}
        description={query.error.message}
        action={<Button onClick={() => void query.refetch()}>{t('caseError.retry')}</Button>}
      />
    )
  const detail = query.data
  const item = detail.case
  return (
    <article className="case-detail" data-testid="case-detail" aria-label={item.requestNumber}>
      <header className="case-detail__header">
        <h2 className="case-detail__number">{item.requestNumber}</h2>
        <CaseStateTag status={item.status} />
      </header>
      <SlaClock item={item} now={now} />
      <CaseFacts item={item} />
      {children?.(detail)}
      <section className="case-detail__section" aria-label={t('caseDetail.actions')}>
        <h3>{t('caseDetail.actions')}</h3>
        <CaseActions detail={detail} {...actions} />
      </section>
      {isCompact ? null : (
        <>
          <section className="case-detail__section">
            <h3>{t('evidence.title')}</h3>
            <CaseEvidence caseId={caseId} />
          </section>
          <section className="case-detail__section">
            <h3>{t('timeline.title')}</h3>
            <CaseTimeline caseId={caseId} />
          </section>
        </>
      )}
    </article>
  )
}
