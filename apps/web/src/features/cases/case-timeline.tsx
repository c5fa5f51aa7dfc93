import { ErrorState, LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { caseTimelineQueryOptions } from '../../api/cases'
import { caseCommandOfEvent, SLA_WARNING_EVENT_TYPES } from '@cityops/domain'
import { formatDateTime, useT, type MessageKey, type Translate } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

// `case.dispatched` → the action's name, `case.reported` → 上报; anything else as it is.
function entryLabel(t: Translate, type: string): string {
  const action = caseCommandOfEvent(type)
  if (action) return t(`caseAction.${action}`)
  const other = OTHER_EVENTS[type]
  return other ? t(other) : type
}

// Case events that are not workflow actions: the report itself, photos, the SLA watch's warnings.
const OTHER_EVENTS: Partial<Record<string, MessageKey>> = {
  'case.reported': 'caseState.REPORTED',
  'case.evidenceAdded': 'timeline.evidenceAdded',
  [SLA_WARNING_EVENT_TYPES.breachSoon]: 'timeline.breachSoonWarned',
  [SLA_WARNING_EVENT_TYPES.overdue]: 'timeline.overdueWarned',
}

/** Who did what when, oldest first, from the event log joined with the audit trail. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const timeline = useQuery(caseTimelineQueryOptions(caseId))
  if (timeline.isPending) return <LoadingState label={t('timeline.loading')} />
  if (timeline.isError)
    return <ErrorState title={t('timeline.error')} description={timeline.error.message} />
  const { entries, hasMore } = timeline.data
  if (entries.length === 0) return <p className="case-muted">{t('timeline.empty')}</p>
  return (
    <>
      <ol className="case-timeline" data-testid="case-timeline">
        {entries.map((e) => (
          <li key={e.seq} className="case-timeline__entry">
            <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>
            <span className="case-timeline__what">{entryLabel(t, e.type)}</span>
            <span className="case-timeline__who">
              {e.actor?.displayName ?? t('timeline.system')}
            </span>
          </li>
        ))}
      </ol>
      {hasMore ? <p className="case-muted">{t('timeline.more')}</p> : null}
    </>
  )
}
