import type { CaseCommandType, CaseState } from '@cityops/domain'
import { EmptyState, InlineAlert, Page, Tag } from '@cityops/ui'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { casesQueryOptions } from '../../api/cases'
import { useT } from '../../i18n'
import { useLiveInvalidation } from '../../live/use-live-invalidation'
import { CaseDetail } from '../cases/case-detail'
import { useNow } from '../cases/use-now'
import { DeskQueue } from '../desk/desk-queue'
import { DeskTabs } from '../desk/desk-tabs'
import { LiveStatus } from '../desk/live-status'
import { useDeskTheme } from '../desk/use-desk-theme'
import { useUrlView } from '../desk/use-url-view'
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

/** Route /shift: the shift lead's filing, approvals and closing, and the department KPIs. */
export function ShiftPage() {
  useDeskTheme()
  const t = useT()
  const now = useNow()
  const [view, update] = useUrlView(readView, writeView)
  const connection = useLiveInvalidation(LIVE_TOPICS)
  const listTab = view.tab === 'kpis' ? 'filing' : view.tab
  const list = useQuery({
    // approvals: only the 派遣 cases with an open request, whose kind the list carries
    ...casesQueryOptions({
      status: TAB_STATES[listTab],
      sort: 'breach',
      ...(listTab === 'approvals' ? { pending: true } : {}),
    }),
    placeholderData: keepPreviousData,
    enabled: view.tab !== 'kpis',
  })
  const [done, setDone] = useState<CaseCommandType | null>(null)
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
            now={now}
            selectedId={view.selected}
            onOpen={open}
            extra={
              view.tab === 'approvals'
                ? (item) => {
                    const kind = item.pendingRequest
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
