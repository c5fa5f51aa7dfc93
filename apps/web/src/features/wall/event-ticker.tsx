import type { LiveEvent } from '@cityops/domain'
import { INCIDENT_CATEGORY_LABELS } from '@cityops/domain'
import { formatDateTime, pickLabel, useT } from '../../i18n'
import type { Locale } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useWallLive } from '../../live/wall-store'

const TYPE_LABELS: Record<string, { zh: string; en: string }> = {
  'incident.created': { zh: '新事件', en: 'New incident' },
  'incident.regraded': { zh: '事件升级', en: 'Regraded' },
  'incident.closed': { zh: '事件办结', en: 'Closed' },
  'case.reported': { zh: '新案件', en: 'New case' },
  'case.accepted': { zh: '案件受理', en: 'Case accepted' },
  'case.filed': { zh: '案件立案', en: 'Case filed' },
  'case.dispatched': { zh: '案件派遣', en: 'Case dispatched' },
  'case.disposed': { zh: '处置反馈', en: 'Case handled' },
  'case.checkPassed': { zh: '核查通过', en: 'Check passed' },
  'case.checkFailed': { zh: '核查返工', en: 'Sent back for rework' },
  'case.closed': { zh: '案件结案', en: 'Case closed' },
  'case.supervised': { zh: '案件督办', en: 'Case supervised' },
  'incident.assigned': { zh: '事件调派', en: 'Department assigned' },
  'incident.assignmentEscalated': { zh: '调派未响应', en: 'Assignment not acknowledged' },
  'alarm.raised': { zh: '告警', en: 'Alarm' },
  'alarm.acknowledged': { zh: '告警已确认', en: 'Alarm acknowledged' },
  'capAlert.received': { zh: '预警信息', en: 'CAP alert' },
}

function describe(locale: Locale, e: LiveEvent): string {
  const d = (e.data ?? {}) as Record<string, unknown>
  const title =
    typeof d.title === 'string' ? d.title : typeof d.headline === 'string' ? d.headline : null
  if (title) return title
  if (typeof d.category === 'string' && d.category in INCIDENT_CATEGORY_LABELS)
    return pickLabel(
      locale,
      INCIDENT_CATEGORY_LABELS[d.category as keyof typeof INCIDENT_CATEGORY_LABELS],
    )
  if (typeof d.description === 'string') return d.description.slice(0, 40)
  return e.id
}

/** The latest changes (newest first), one line each; the wall reads it like a news crawl. */
export function EventTicker() {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const items = useWallLive((s) => s.ticker)
  return (
    <section className="wall-ticker" aria-label={t('ticker.title')} data-testid="ticker">
      <h2 className="wall-ticker__title">{t('ticker.title')}</h2>
      {items.length === 0 ? (
        <p className="wall-ticker__empty">{t('ticker.empty')}</p>
      ) : (
        <ol className="wall-ticker__list" aria-live="polite">
          {items.slice(0, 12).map((e) => {
            const d = (e.data ?? {}) as Record<string, unknown>
            const grade = typeof d.grade === 'string' ? d.grade : null
            return (
              <li
                key={e.seq}
                className="wall-ticker__item"
                data-testid="ticker-item"
                data-id={e.id}
              >
                <time className="wall-ticker__time">{formatDateTime(locale, e.at).slice(-8)}</time>
                <span className="wall-ticker__type" data-grade={grade ?? undefined}>
                  {pickLabel(locale, TYPE_LABELS[e.type] ?? { zh: e.type, en: e.type })}
                  {grade ? ` · ${grade}` : ''}
                </span>
                <span className="wall-ticker__text">{describe(locale, e)}</span>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
