import type { IncidentAction, IncidentStatus } from '@cityops/domain'
import { Button, EmptyState, ErrorState, InlineAlert, LoadingState, Page } from '@cityops/ui'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { NetworkError } from '../../api/errors'
import { incidentsQueryOptions } from '../../api/incidents'
import { useT } from '../../i18n'
import { useLiveInvalidation } from '../../live/use-live-invalidation'
import { useNow } from '../cases/use-now'
import { LiveStatus } from '../desk/live-status'
import { useDeskTheme } from '../desk/use-desk-theme'
import { useUrlView } from '../desk/use-url-view'
import { IncidentDetail } from './incident-detail'
import { IncidentList } from './incident-list'
import '../cases/cases.css'
import '../desk/desk.css'
import './incidents.css'

// Still someone's work: 已处置 waits for the operator's 结束事件.
export const OPEN_INCIDENT_STATES = [
  'reported',
  'confirmed',
  'responding',
  'resolved',
] as const satisfies readonly IncidentStatus[]
const LIST_LIMIT = 100
const LIVE_TOPICS = ['incidents'] as const

type View = { selected: string }
const readView = (search: URLSearchParams): View => ({ selected: search.get('incident') ?? '' })
const writeView = (view: View) => {
  const search = new URLSearchParams()
  if (view.selected) search.set('incident', view.selected)
  return search
}

/** Route /incidents: 事件处置, the open emergencies and each department's part in them. */
export default function IncidentsPage() {
  useDeskTheme()
  const t = useT()
  // ages read in seconds for the first minute (formatAge), so the clock must tick each second
  const now = useNow(1_000)
  const [view, update] = useUrlView(readView, writeView)
  const connection = useLiveInvalidation(LIVE_TOPICS)
  const list = useQuery({
    ...incidentsQueryOptions({ status: OPEN_INCIDENT_STATES, limit: LIST_LIMIT }),
    placeholderData: keepPreviousData,
  })
  const items = list.data?.items ?? []
  const [done, setDone] = useState<IncidentAction | null>(null)
  const open = (id: string) => {
    setDone(null)
    update({ selected: id })
  }

  let body
  if (list.isPending) body = <LoadingState label={t('incidents.loading')} />
  else if (list.isError) {
    body = (
      <ErrorState
        title={
          list.error instanceof NetworkError ? t('common.offlineTitle') : t('incidents.loadError')
        }
        description={list.error.message}
        action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
      />
    )
  } else if (items.length === 0) {
    body = (
      <EmptyState title={t('incidents.emptyTitle')} description={t('incidents.emptyDescription')} />
    )
  } else {
    body = (
      <IncidentList
        label={t('incidents.queue')}
        items={items}
        now={now}
        selectedId={view.selected}
        onOpen={open}
      />
    )
  }

  return (
    <Page
      title={t('incidents.title')}
      className="desk-page"
      actions={<LiveStatus connection={connection} />}
    >
      {connection === 'offline' ? (
        <InlineAlert tone="warn">{t('desk.offlineDetail')}</InlineAlert>
      ) : null}
      <div className="desk-split">
        <section className="desk-column" aria-label={t('incidents.queue')}>
          <header className="desk-column__header">
            <h2>{t('incidents.queue')}</h2>
            {list.data ? (
              <span className="case-muted" data-testid="queue-count">
                {t('incidents.count', { count: list.data.total })}
              </span>
            ) : null}
          </header>
          <div className="desk-column__body">{body}</div>
        </section>
        <section className="desk-column" aria-label={t('incidents.detail')}>
          <div className="desk-column__body">
            {done ? (
              <InlineAlert tone="success" className="incident-done" data-testid="action-done">
                {t('incidents.done', { action: t(`incidents.action.${done}`) })}
              </InlineAlert>
            ) : null}
            {view.selected ? (
              <IncidentDetail key={view.selected} incidentId={view.selected} onActed={setDone} />
            ) : (
              <EmptyState title={t('incidents.noneTitle')} description={t('incidents.noneHint')} />
            )}
          </div>
        </section>
      </div>
    </Page>
  )
}
