import { Button, EmptyState, ErrorState, InlineAlert, LoadingState, Page } from '@cityops/ui'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useMemo, useRef, useState } from 'react'
import { casesQueryOptions } from '../../api/cases'
import { useT } from '../../i18n'
import { useLiveInvalidation } from '../../live/use-live-invalidation'
import { useNow } from '../cases/use-now'
import { CaseList } from '../desk/case-list'
import { LiveStatus } from '../desk/live-status'
import { useDeskTheme } from '../desk/use-desk-theme'
import { useUrlView } from '../desk/use-url-view'
import { BulkDispatch, BulkOutcomeAlert, type BulkOutcome } from './bulk-dispatch'
import { DispatchDetail } from './dispatch-detail'
import { DispatchFilters } from './dispatch-filters'
import { apiFiltersOf, searchFromView, viewFromSearch } from './dispatch-url'
import { orderByBreach } from './queue-order'
import { ShortcutsDialog, useDeskKeys, type DeskKey } from './shortcuts'
import './dispatch-page.css'

// MapLibre is ~1 MB: the queue paints first, the map follows.
const DispatchMap = lazy(() => import('./dispatch-map'))
const LIVE_TOPICS = ['cases'] as const

/** Route /dispatch: the dispatcher's queue by time to breach, map, detail and suggestion. */
export function DispatchPage() {
  useDeskTheme()
  const t = useT()
  const now = useNow()
  const [view, update] = useUrlView(viewFromSearch, searchFromView)
  const connection = useLiveInvalidation(LIVE_TOPICS)
  const filters = useMemo(() => apiFiltersOf(view), [view])
  const list = useQuery({ ...casesQueryOptions(filters), placeholderData: keepPreviousData })
  const items = useMemo(() => orderByBreach(list.data?.items ?? [], now), [list.data, now])
  const [cursor, setCursor] = useState('')
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set())
  const [isHelpOpen, setHelpOpen] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const dispatchTopRef = useRef<(() => void) | null>(null)
  const [bulkOutcome, setBulkOutcome] = useState<BulkOutcome | null>(null)
  // The keyboard cursor: where j/k left it, else the open case, else the top of the queue.
  const cursorId = items.some((i) => i.id === cursor) ? cursor : view.selected || items[0]?.id || ''

  const open = (id: string) => {
    setCursor(id)
    update({ selected: id })
  }
  const check = (id: string, isOn: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev)
      if (isOn) next.add(id)
      else next.delete(id)
      return next
    })
  const move = (delta: number) => {
    const at = items.findIndex((i) => i.id === cursorId)
    const next = items[Math.max(0, Math.min(items.length - 1, at + delta))]
    if (!next) return
    setCursor(next.id)
    document
      .querySelector(`[data-testid="case-row-${next.requestNumber}"]`)
      ?.scrollIntoView({ block: 'nearest' })
  }
  const onKey = (key: DeskKey) => {
    if (key === 'next') move(1)
    else if (key === 'previous') move(-1)
    else if (key === 'open' && cursorId) open(cursorId)
    else if (key === 'select' && cursorId) check(cursorId, !checked.has(cursorId))
    else if (key === 'search') searchRef.current?.focus()
    else if (key === 'help') setHelpOpen(true)
    else if (key === 'dispatch') dispatchTopRef.current?.()
  }
  useDeskKeys(onKey, true)

  const checkedCases = items.filter((i) => checked.has(i.id))
  return (
    <Page
      title={t('dispatch.title')}
      className="desk-page"
      actions={
        <>
          <LiveStatus connection={connection} />
          <Button variant="ghost" onClick={() => setHelpOpen(true)} data-testid="shortcuts-open">
            {t('shortcut.button')}
          </Button>
        </>
      }
    >
      <DispatchFilters view={view} onChange={update} searchRef={searchRef} />
      {connection === 'offline' ? (
        <InlineAlert tone="warn">{t('desk.offlineDetail')}</InlineAlert>
      ) : null}
      <div className="dispatch-grid">
        <section className="desk-column dispatch-queue" aria-labelledby="dispatch-queue-title">
          <header className="desk-column__header">
            <h2 id="dispatch-queue-title">{t('dispatch.queue')}</h2>
            {list.data ? (
              <span className="case-muted" data-testid="queue-count">
                {t('dispatch.count', { count: list.data.total })}
              </span>
            ) : null}
          </header>
          {checkedCases.length > 0 ? (
            <BulkDispatch
              cases={checkedCases}
              onClear={() => setChecked(new Set())}
              onDone={(ids, outcome) => {
                setBulkOutcome(outcome)
                setChecked((prev) => new Set([...prev].filter((id) => !ids.includes(id))))
              }}
            />
          ) : null}
          {bulkOutcome ? (
            <div className="bulk-dispatch">
              <BulkOutcomeAlert outcome={bulkOutcome} onClose={() => setBulkOutcome(null)} />
            </div>
          ) : null}
          <div className="desk-column__body" data-testid="dispatch-queue">
            {list.isPending ? (
              <LoadingState label={t('dispatch.loading')} />
            ) : list.isError ? (
              <ErrorState
                title={t('dispatch.loadError')}
                description={list.error.message}
                action={<Button onClick={() => void list.refetch()}>{t('caseError.retry')}</Button>}
              />
            ) : items.length === 0 ? (
              <EmptyState
                title={t('dispatch.emptyTitle')}
                description={t('dispatch.emptyDescription')}
              />
            ) : (
              <CaseList
                label={t('dispatch.queue')}
                items={items}
                now={now}
                selectedId={view.selected}
                cursorId={cursorId}
                onOpen={open}
                checked={checked}
                onCheck={check}
              />
            )}
          </div>
        </section>
        <section className="desk-column dispatch-detail" aria-label={t('caseDetail.title')}>
          <div className="desk-column__body">
            {view.selected ? (
              <DispatchDetail
                key={view.selected}
                caseId={view.selected}
                now={now}
                dispatchTopRef={dispatchTopRef}
              />
            ) : (
              <EmptyState title={t('caseDetail.none')} description={t('dispatch.noneHint')} />
            )}
          </div>
        </section>
        <section className="dispatch-map-column" aria-label={t('dispatch.map')}>
          <Suspense fallback={<LoadingState label={t('map.loading')} />}>
            <DispatchMap items={items} selectedId={view.selected} onSelect={open} />
          </Suspense>
        </section>
      </div>
      {isHelpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
    </Page>
  )
}
