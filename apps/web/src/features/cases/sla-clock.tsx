import { Tag } from '@cityops/ui'
import type { CaseItem } from '../../api/cases'
import { formatDateTime, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { slaSummary, type SlaTone } from './sla-format'

const ICONS = { ok: 'check', warn: 'warning', danger: 'error', muted: 'info' } as const

export function SlaTag({ item, now }: { item: CaseItem; now: number }) {
  const t = useT()
  const { text, tone } = slaSummary(t, item, now)
  return (
    <Tag tone={tone} icon={ICONS[tone satisfies SlaTone]} data-testid="sla-tag">
      {text}
    </Tag>
  )
}

/** 处置时限 with what is left, and the flags a dispatcher acts on (about to breach, predicted). */
export function SlaClock({ item, now }: { item: CaseItem; now: number }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const deadline = item.sla?.deadline ?? item.deadline
  return (
    <div className="case-sla" data-testid="case-sla">
      <SlaTag item={item} now={now} />
      {item.sla?.breachSoon && !item.sla.overdue ? (
        <Tag tone="warn" icon="warning">
          {t('sla.breachSoon')}
        </Tag>
      ) : null}
      {item.sla?.predictedBreach && !item.sla.overdue ? (
        <Tag tone="warn" icon="warning">
          {t('sla.predicted')}
        </Tag>
      ) : null}
      {deadline ? (
        <span className="case-sla__deadline">
          {t('sla.deadline', { at: formatDateTime(locale, deadline) })}
        </span>
      ) : null}
    </div>
  )
}
