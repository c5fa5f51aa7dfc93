import type { CaseState } from '@cityops/domain'
import { Tag } from '@cityops/ui'
import type { IconName, TagTone } from '@cityops/ui'
import type { CaseItem } from '../../api/cases'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { isOverdue, remainingMinutes } from './queue-order'

const STATE_TONE: Record<CaseState, [TagTone, IconName]> = {
  REPORTED: ['info', 'info'],
  ACCEPTED: ['info', 'info'],
  VERIFIED: ['info', 'info'],
  INVALID: ['muted', 'block'],
  NOT_FILED: ['muted', 'block'],
  FILED: ['info', 'info'],
  DISPATCHED: ['warn', 'warning'],
  RETURNED: ['muted', 'block'],
  SUSPENDED: ['muted', 'lock'],
  DISPOSED: ['info', 'check'],
  CHECKING: ['info', 'check'],
  CLOSED: ['ok', 'check'],
}

export const stateKey = (state: CaseState): MessageKey => `caseState.${state}`

export function StateTag({ status }: { status: CaseState }) {
  const t = useT()
  const [tone, icon] = STATE_TONE[status]
  return (
    <Tag tone={tone} icon={icon} data-testid="case-state">
      {t(stateKey(status))}
    </Tag>
  )
}

function durationParts(minutes: number): { h: number; m: number; d: number } {
  const total = Math.abs(minutes)
  const d = Math.floor(total / 1440)
  return { d, h: Math.floor((total % 1440) / 60), m: total % 60 }
}

/** "2 天 3 小时" / "45 分钟": the largest two units. */
export function useDuration(): (minutes: number) => string {
  const t = useT()
  return (minutes) => {
    const { d, h, m } = durationParts(minutes)
    if (d > 0) return t('fieldApp.duration.dh', { d, h })
    if (h > 0) return t('fieldApp.duration.hm', { h, m })
    return t('fieldApp.duration.m', { m })
  }
}

/** Time left on the 处置 clock, marked when overdue; nothing before 立案. */
export function DeadlineTag({ item, now }: { item: CaseItem; now: Date }) {
  const t = useT()
  const duration = useDuration()
  const left = remainingMinutes(item, now)
  if (left === null) return null
  if (isOverdue(item, now)) {
    return (
      <Tag tone="danger" icon="warning" data-testid="case-overdue">
        {t('fieldApp.overdueBy', { time: duration(left) })}
      </Tag>
    )
  }
  const soon = item.sla?.breachSoon ?? left < 120
  return (
    <Tag tone={soon ? 'warn' : 'muted'} icon="info">
      {item.sla?.paused ? t('fieldApp.paused') : t('fieldApp.timeLeft', { time: duration(left) })}
    </Tag>
  )
}
