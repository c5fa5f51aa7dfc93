import { ROLE_LABELS } from '@cityops/domain'
import type { ReplayItem } from '@cityops/domain'
import { useLabel, useT } from '../../../i18n'
import { formatBeijing } from './beijing-time'

/** Enough to read back a shift; older ones are counted, not drawn (a month can hold thousands). */
export const DECISION_LOG_LIMIT = 100

type DecisionLogProps = {
  /** Newest first. */
  decisions: readonly ReplayItem[]
  /** The current step: its entries are highlighted. */
  stepFromMs: number
  stepToMs: number
  onSeek: (item: ReplayItem) => void
}

export function DecisionLog({ decisions, stepFromMs, stepToMs, onSeek }: DecisionLogProps) {
  const t = useT()
  const shown = decisions.slice(0, DECISION_LOG_LIMIT)
  return (
    <section className="tt-log" data-testid="decision-log" aria-labelledby="tt-log-title">
      <h3 id="tt-log-title" className="tt-log__title">
        {t('decisionLog.title')}
      </h3>
      {shown.length === 0 ? (
        <p className="tt-muted">{t('decisionLog.empty')}</p>
      ) : (
        <ol className="tt-log__list">
          {shown.map((item, i) => {
            const at = Date.parse(item.at)
            const isInStep = at >= stepFromMs && at < stepToMs
            return (
              <DecisionEntry
                key={`${item.subjectId}-${item.at}-${i}`}
                item={item}
                isInStep={isInStep}
                onSeek={onSeek}
              />
            )
          })}
        </ol>
      )}
      {decisions.length > shown.length ? (
        <p className="tt-muted">
          {t('decisionLog.more', { count: decisions.length - shown.length })}
        </p>
      ) : null}
    </section>
  )
}

function DecisionEntry(props: {
  item: ReplayItem
  isInStep: boolean
  onSeek: (item: ReplayItem) => void
}) {
  const { item, isInStep, onSeek } = props
  const t = useT()
  const label = useLabel()
  const time = formatBeijing(item.at)
  const actor = item.actor
  const role = actor?.role ? roleLabel(actor.role, label) : null
  return (
    <li
      className={isInStep ? 'tt-log__entry tt-log__entry--current' : 'tt-log__entry'}
      data-testid="decision-entry"
      aria-current={isInStep ? 'step' : undefined}
    >
      <button
        type="button"
        className="tt-log__button"
        onClick={() => onSeek(item)}
        aria-label={`${t('decisionLog.seek', { time })}: ${label(item.summary)}`}
      >
        <time dateTime={item.at} className="tt-log__time">
          {time}
        </time>
        {actor ? (
          <span className="tt-log__actor">
            {role ? t('decisionLog.actor', { name: actor.name, role }) : actor.name}
          </span>
        ) : null}
        <span className="tt-log__summary">{withoutActor(label(item.summary), actor?.name)}</span>
        {isInStep ? <span className="tt-log__badge">{t('decisionLog.inStep')}</span> : null}
      </button>
    </li>
  )
}

function roleLabel(role: string, label: ReturnType<typeof useLabel>): string {
  const known = Object.entries(ROLE_LABELS).find(([key]) => key === role)
  return known ? label(known[1]) : role
}

/** The summary without a leading "name（role）" when the entry shows the actor already. */
export function withoutActor(summary: string, name: string | undefined): string {
  if (!name || !summary.startsWith(name)) return summary
  const rest = summary
    .slice(name.length)
    .replace(/^\s*[（(][^）)]*[）)]/, '')
    .trimStart()
  return rest === '' ? summary : rest
}
