import type { CaseCommandType, CaseRequestKind, CaseState } from '@cityops/domain'
import { EmptyState, InlineAlert, Page, Tag } from '@cityops/ui'
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { caseQueryOptions, casesQueryOptions, type CaseItem } from '../../api/cases'
import { useT } from '../../i18n'
import { useLiveInvalidation } from '../../live/use-live-invalidation'
import { CaseDetail } from '../cases/case-detail'
import { useNow } from '../cases/use-now'
import { DeskQueue } from '../desk/desk-queue'
import { DeskTabs } from '../desk/desk-tabs'
import { LiveStatus } from '../desk/live-status'
import { useDeskTheme } from '../desk/use-desk-theme'
import { useUrlView } from '../desk/use-url-view'
import { orderByBreach } from '../dispatch/queue-order'
import { KpiTable } from './kpi-table'
import '../desk/desk.css'

const SHIFT_TABS = ['filing', 'approvals', 'closing', 'kpis'] as const
type ShiftTab = (typeof SHIFT_TABS)[number]
type ShiftView = { tab: ShiftTab; selected: string }

// 立案 from 受理/核实; requests wait on 派遣 cases; 结案 after 核查.
const TAB_STATES: Record<Exclude<ShiftTab, 'kpis'>, readonly CaseState[]> = {
  filing: ['ACCEPTED', 'VERIFIED'],
  approvals: ['DISPATCHED'],
  closing: ['CHECKING'],
}
// The workflow's own part of each tab; other allowed actions (e.g. 督办) stay on their desks.
const TAB_ACTIONS: Record<Exclude<ShiftTab, 'kpis'>, readonly CaseCommandType[]> = {
  filing: ['file', 'notFile'],
  approvals: [
    'approveReturn',
    'rejectReturn',
    'approveExtension',
    'rejectExtension',
    'approveSuspension',
    'rejectSuspension',
  ],
  closing: ['close'],
}

const readView = (search: URLSearchParams): ShiftView => ({
  tab: SHIFT_TABS.find((t) => t === search.get('tab')) ?? 'filing',
  selected: search.get('case') ?? '',
})
const writeView = (view: ShiftView) => {
  const search = new URLSearchParams()
  if (view.tab !== 'filing') search.set('tab', view.tab)
  if (view.selected) search.set('case', view.selected)
  return search
}

const LIVE_TOPICS = ['cases'] as const

/**
 * 回退 / 延期 / 挂账 requests: the list API does not carry `pending`, so each 派遣 case's detail
 * is read (cached and live-invalidated like every case) and only those with a request shown.
 */
function usePendingRequests(items: readonly CaseItem[], isEnabled: boolean) {
  const details = useQueries({
    queries: (isEnabled ? items : []).map((i) => caseQueryOptions(i.id)),
  })
  return useMemo(() => {
    const pending = new Map<string, CaseRequestKind>()
    for (const d of details) {
      const p = d.data?.case.workflow.pending
      if (d.data && p) pending.set(d.data.case.id, p.kind)
    }
    return { pending, isLoading: details.some((d) => d.isPending) }
  }, [details])
}

/** Route /shift: the shift lead's filing, approvals and closing, and the department KPIs. */
export function ShiftPage() {
  useDeskTheme()
  const t = useT()
  const now = useNow()
  const [view, update] = useUrlView(readView, writeView)
  const connection = useLiveInvalidation(LIVE_TOPICS)
  const listTab = view.tab === 'kpis' ? 'filing' : view.tab
  const list = useQuery({
    ...casesQueryOptions({ status: TAB_STATES[listTab], sort: 'breach' }),
    placeholderData: keepPreviousData,
    enabled: view.tab !== 'kpis',
  })
  const requests = usePendingRequests(list.data?.items ?? [], view.tab === 'approvals')
  const [done, setDone] = useState<CaseCommandType | null>(null)
  const items = useMemo(() => {
    const all = orderByBreach(list.data?.items ?? [], now)
    return view.tab === 'approvals' ? all.filter((i) => requests.pending.has(i.id)) : all
  }, [list.data, now, view.tab, requests.pending])
  const open = (id: string) => {
    setDone(null)
    update({ selected: id })
  }

  return (
    <Page
      title={t('shift.title')}
      className="desk-page"
      actions={<LiveStatus connection={connection} />}
    >
      <DeskTabs
        label={t('shift.title')}
        current={view.tab}
        onChange={(tab) => update({ tab, selected: '' })}
        tabs={SHIFT_TABS.map((key) => ({ key, label: t(`shift.tab.${key}`) }))}
      />
      {connection === 'offline' ? (
        <InlineAlert tone="warn">{t('desk.offlineDetail')}</InlineAlert>
      ) : null}
      {view.tab === 'kpis' ? (
        <section className="desk-column" aria-label={t('shift.kpi.title', { days: 30 })}>
          <header className="desk-column__header">
            <h2>{t('shift.kpi.title', { days: 30 })}</h2>
          </header>
          <div className="desk-column__body">
            <KpiTable />
          </div>
        </section>
      ) : (
        <div className="desk-split">
          <DeskQueue
            title={t(`shift.tab.${view.tab}`)}
            query={list}
            items={view.tab === 'approvals' ? items : undefined}
            isLoading={view.tab === 'approvals' && requests.isLoading}
            now={now}
            selectedId={view.selected}
            onOpen={open}
            extra={
              view.tab === 'approvals'
                ? (item) => {
                    const kind = requests.pending.get(item.id)
                    return kind ? (
                      <Tag tone="warn" icon="warning">
                        {t(`shift.request.${kind}`)}
                      </Tag>
                    ) : null
                  }
                : undefined
            }
            emptyTitle={t(`shift.empty.${view.tab}`)}
            emptyDescription={t('shift.emptyDescription')}
            loadingLabel={t('shift.loading')}
          />
          <section className="desk-column" aria-label={t('caseDetail.title')}>
            <div className="desk-column__body">
              {done ? (
                <InlineAlert tone="success" data-testid="action-done">
                  {t('intake.done', { action: t(`caseAction.${done}`) })}
                </InlineAlert>
              ) : null}
              {view.selected ? (
                <CaseDetail
                  key={view.selected}
                  caseId={view.selected}
                  now={now}
                  only={TAB_ACTIONS[view.tab]}
                  onActed={setDone}
                />
              ) : (
                <EmptyState title={t('caseDetail.none')} description={t('caseDetail.noneHint')} />
              )}
            </div>
          </section>
        </div>
      )}
    </Page>
  )
}
