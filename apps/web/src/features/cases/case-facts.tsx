import { Tag } from '@cityops/ui'
import type { CaseDetail } from '../../api/cases'
import { formatDateTime, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useCaseNames } from './use-case-names'

const CHANNELS = ['hotline', 'inspector', 'open311', 'wechat', 'walkIn'] as const

function PendingRequest({ item }: { item: CaseDetail }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const pending = item.workflow.pending
  if (!pending) return null
  const title =
    pending.kind === 'extension'
      ? t('caseDetail.pending.extension', {
          until: pending.until ? formatDateTime(locale, pending.until) : '—',
        })
      : t(`caseDetail.pending.${pending.kind}`)
  return (
    <div className="case-pending" data-testid="case-pending">
      <Tag tone="warn" icon="warning">
        {title}
      </Tag>
      <p>
        {t('caseDetail.pendingReason', {
          reason: pending.reason,
          at: formatDateTime(locale, pending.requestedAt),
        })}
      </p>
    </div>
  )
}

/** What the case is, where, who has it, and the workflow bookkeeping that matters to a desk. */
export function CaseFacts({ item }: { item: CaseDetail }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const names = useCaseNames()
  const w = item.workflow
  const channel = CHANNELS.find((c) => c === item.channel)
  const rows: [string, string][] = [
    [
      t('caseDetail.category'),
      `${t(`caseDetail.kind.${item.kind}`)} · ${names.category(item.kind, item.categoryCode)}`,
    ],
    [t('caseDetail.address'), item.address ?? '—'],
    [t('caseDetail.district'), names.district(item.districtCode)],
    [t('caseDetail.grid'), item.gridCode ?? '—'],
    [
      t('caseDetail.department'),
      item.responsibleDepartment
        ? names.department(item.responsibleDepartment)
        : t('caseDetail.noDepartment'),
    ],
    [t('caseDetail.reportedAt'), formatDateTime(locale, item.reportedAt)],
    [t('caseDetail.channel'), channel ? t(`channel.${channel}`) : item.channel],
  ]
  if (item.componentId) rows.splice(4, 0, [t('caseDetail.component'), item.componentId])
  return (
    <div className="case-facts">
      <p className="case-facts__description">{item.description}</p>
      <dl className="case-facts__list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {w.supervision ? (
        <Tag tone="danger" icon="warning">
          {t(`supervision.${w.supervision.level}`)}
        </Tag>
      ) : null}
      {w.duplicateOf ? <p>{t('caseDetail.duplicateOf', { id: w.duplicateOf })}</p> : null}
      {w.outcomeReason ? <p>{t('caseDetail.outcome', { reason: w.outcomeReason })}</p> : null}
      <PendingRequest item={item} />
      <p className="case-muted">
        {t('caseDetail.counts', {
          dispatch: w.dispatchCount,
          returns: w.returnCount,
          extensions: w.extensionCount,
          rework: w.reworkCount,
        })}
      </p>
    </div>
  )
}
