import type { CaseCommandType, CaseState } from '@cityops/domain'
import { Button, EmptyState, InlineAlert, Page, Tag } from '@cityops/ui'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { casesQueryOptions, type CaseItem, type CaseWithActions } from '../../api/cases'
import { useT } from '../../i18n'
import { useLiveInvalidation } from '../../live/use-live-invalidation'
import { CaseDetail } from '../cases/case-detail'
import { useNow } from '../cases/use-now'
import { DeskQueue } from '../desk/desk-queue'
import { DeskTabs } from '../desk/desk-tabs'
import { LiveStatus } from '../desk/live-status'
import { useDeskTheme } from '../desk/use-desk-theme'
import { useUrlView } from '../desk/use-url-view'
import { DuplicateList, useSuggestion } from '../dispatch/suggestion-panel'
import '../desk/desk.css'

// 核查派发 (GB/T 30428 practice, DOMAIN.md §2.1): the intake seat sends a handled case to an
// inspector for the on-site check, so handled cases wait here too.
const TABS = {
  reported: ['REPORTED'],
  accepted: ['ACCEPTED'],
  disposed: ['DISPOSED'],
} as const satisfies Record<string, readonly CaseState[]>
type IntakeTab = keyof typeof TABS
type IntakeView = { tab: IntakeTab; selected: string }

const isTab = (tab: string | null): tab is IntakeTab => !!tab && tab in TABS
const readView = (search: URLSearchParams): IntakeView => ({
  tab: isTab(search.get('tab')) ? (search.get('tab') as IntakeTab) : 'reported',
  selected: search.get('case') ?? '',
})
const writeView = (view: IntakeView) => {
  const search = new URLSearchParams()
  if (view.tab !== 'reported') search.set('tab', view.tab)
  if (view.selected) search.set('case', view.selected)
  return search
}

const QUEUE_TITLES = {
  reported: 'intake.queue',
  accepted: 'intake.acceptedQueue',
  disposed: 'intake.disposedQueue',
} as const satisfies Record<IntakeTab, string>

const LIVE_TOPICS = ['cases'] as const
// The intake backlog is worked down through the shift; the duplicate check asks per row.
const INTAKE_LIMIT = 50

/** A row's duplicate flag: the suggestion endpoint's probable duplicates of this report. */
function DuplicateFlag({ item }: { item: CaseItem }) {
  const t = useT()
  const suggestion = useSuggestion(item.id, true)
  const count = suggestion.data?.duplicates.length ?? 0
  if (count === 0) return null
  return (
    <Tag tone="warn" icon="warning" data-testid="duplicate-flag">
      {t('suggestion.duplicates', { count })}
    </Tag>
  )
}

type DuplicatesProps = {
  detail: CaseWithActions
  onMarkDuplicate: (id: string, number: string) => void
}

function IntakeDuplicates({ detail, onMarkDuplicate }: DuplicatesProps) {
  const t = useT()
  const suggestion = useSuggestion(detail.case.id, true)
  const duplicates = suggestion.data?.duplicates ?? []
  if (duplicates.length === 0) return null
  const canInvalidate = detail.allowedActions.includes('invalidate')
  return (
    <section className="case-detail__section" aria-label={t('intake.duplicates')}>
      <h3>{t('intake.duplicates')}</h3>
      <DuplicateList duplicates={duplicates} />
      {canInvalidate ? (
        <div className="case-actions__buttons">
          {duplicates.map((d) => (
            <Button
              key={d.id}
              onClick={() => onMarkDuplicate(d.id, d.requestNumber)}
              data-testid={`mark-duplicate-${d.requestNumber}`}
            >
              {t('intake.markDuplicate', { number: d.requestNumber })}
            </Button>
          ))}
        </div>
      ) : null}
    </section>
  )
}

/** Route /intake: new reports to accept, invalidate (duplicates linked) or send to 核实. */
export function IntakePage() {
  useDeskTheme()
  const t = useT()
  const now = useNow()
  const [view, update] = useUrlView(readView, writeView)
  const connection = useLiveInvalidation(LIVE_TOPICS)
  const list = useQuery({
    ...casesQueryOptions({ status: TABS[view.tab], sort: 'newest', limit: INTAKE_LIMIT }),
    placeholderData: keepPreviousData,
  })
  const [opened, setOpened] = useState<CaseCommandType | null>(null)
  const [duplicateOf, setDuplicateOf] = useState<{ id: string; number: string } | null>(null)
  const [done, setDone] = useState<CaseCommandType | null>(null)
  const open = (id: string) => {
    setOpened(null)
    setDuplicateOf(null)
    setDone(null)
    update({ selected: id })
  }

  return (
    <Page
      title={t('intake.title')}
      className="desk-page"
      actions={<LiveStatus connection={connection} />}
    >
      <DeskTabs
        label={t('intake.title')}
        current={view.tab}
        onChange={(tab) => update({ tab, selected: '' })}
        tabs={[
          { key: 'reported', label: t('intake.tab.reported') },
          { key: 'accepted', label: t('intake.tab.accepted') },
          { key: 'disposed', label: t('intake.tab.disposed') },
        ]}
      />
      {connection === 'offline' ? (
        <InlineAlert tone="warn">{t('desk.offlineDetail')}</InlineAlert>
      ) : null}
      <div className="desk-split">
        <DeskQueue
          title={t(QUEUE_TITLES[view.tab])}
          query={list}
          now={now}
          selectedId={view.selected}
          onOpen={open}
          extra={view.tab === 'reported' ? (item) => <DuplicateFlag item={item} /> : undefined}
          emptyTitle={t('intake.emptyTitle')}
          emptyDescription={t('intake.emptyDescription')}
          loadingLabel={t('intake.loading')}
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
                opened={opened}
                onOpenedChange={setOpened}
                onActed={setDone}
                initialValues={
                  duplicateOf
                    ? {
                        invalidate: {
                          duplicateOf: duplicateOf.id,
                          reason: t('intake.duplicateReason', { number: duplicateOf.number }),
                        },
                      }
                    : undefined
                }
              >
                {(detail) => (
                  <IntakeDuplicates
                    detail={detail}
                    onMarkDuplicate={(id, number) => {
                      setDuplicateOf({ id, number })
                      setOpened('invalidate')
                    }}
                  />
                )}
              </CaseDetail>
            ) : (
              <EmptyState title={t('caseDetail.none')} description={t('caseDetail.noneHint')} />
            )}
          </div>
        </section>
      </div>
    </Page>
  )
}
