import { Tag } from '@cityops/ui'
import type { KeyboardEvent } from 'react'
import type { IncidentItem } from '../../api/incidents'
import { useT } from '../../i18n'
import { formatAge } from '../wall/format-age'
import { GradeBadge, useIncidentNames } from './incident-labels'

type Props = {
  items: readonly IncidentItem[]
  now: number
  selectedId: string
  onOpen: (id: string) => void
  label: string
}

const ROW = '[data-incident-row]'

// Roving focus: one row is in the Tab order (the open one, else the first), ↑/↓ move between
// rows and Enter opens, so Tab goes on to the detail's actions instead of through every row.
function moveFocus(event: KeyboardEvent<HTMLOListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>(ROW)]
  const at = rows.findIndex((r) => r === document.activeElement)
  const next =
    rows[Math.min(rows.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]
  if (!next) return
  event.preventDefault()
  next.focus()
}

/** How far an incident's departments are: finished of assigned (from the list itself). */
function ProgressText({ progress }: { progress: IncidentItem['assignments'] }) {
  const t = useT()
  if (progress.total === 0) return <span>{t('incidents.progressNone')}</span>
  const isDone = progress.finished === progress.total
  return (
    <Tag
      tone={isDone ? 'ok' : 'info'}
      icon={isDone ? 'check' : 'info'}
      data-testid="incident-progress"
    >
      {t('incidents.progress', { done: progress.finished, total: progress.total })}
    </Tag>
  )
}

/** The open incidents, newest first: grade, category, title, age and how far the departments are. */
export function IncidentList({ items, now, selectedId, onOpen, label }: Props) {
  const t = useT()
  const names = useIncidentNames()
  const focusable = items.some((i) => i.id === selectedId) ? selectedId : items[0]?.id
  const onRowKey = (event: KeyboardEvent, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onOpen(id)
    }
  }
  return (
    <ol className="desk-list" aria-label={label} onKeyDown={moveFocus}>
      {items.map((item) => {
        const isOpen = item.id === selectedId
        return (
          <li
            key={item.id}
            className="desk-row"
            data-open={isOpen || undefined}
            data-testid={`incident-row-${item.id}`}
          >
            <div
              role="button"
              tabIndex={item.id === focusable ? 0 : -1}
              aria-current={isOpen || undefined}
              className="desk-row__main"
              data-incident-row
              onClick={() => onOpen(item.id)}
              onKeyDown={(e) => onRowKey(e, item.id)}
            >
              <div className="desk-row__line">
                <GradeBadge grade={item.grade} />
                <span className="incident-row__category">{names.category(item.category)}</span>
                <span className="case-muted">{t(`incidents.status.${item.status}`)}</span>
                <span className="incident-row__age">
                  {formatAge(t, now - Date.parse(item.reportedAt))}
                </span>
              </div>
              <div className="desk-row__line desk-row__what">{item.title}</div>
              <div className="desk-row__line desk-row__meta">
                <ProgressText progress={item.assignments} />
              </div>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
