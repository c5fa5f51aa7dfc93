import { Tag } from '@cityops/ui'
import type { KeyboardEvent, ReactNode } from 'react'
import type { CaseItem } from '../../api/cases'
import { useT } from '../../i18n'
import { CaseStateTag } from '../cases/case-detail'
import { SlaTag } from '../cases/sla-clock'
import { useCaseNames } from '../cases/use-case-names'

export type CaseListProps = {
  items: readonly CaseItem[]
  now: number
  /** The open case. */
  selectedId: string
  /** The keyboard cursor (j/k), when it differs from the open case. */
  cursorId?: string
  onOpen: (id: string) => void
  /** Checkboxes for bulk actions; none when absent. */
  checked?: ReadonlySet<string>
  onCheck?: (id: string, isChecked: boolean) => void
  /** Extra tags per row (e.g. a duplicate flag). */
  extra?: (item: CaseItem) => ReactNode
  label: string
}

/** A desk's queue: one row per case with its state, category, place and clock. */
export function CaseList(props: CaseListProps) {
  const { items, now, selectedId, cursorId, onOpen, checked, onCheck, extra, label } = props
  const t = useT()
  const names = useCaseNames()
  const onRowKey = (event: KeyboardEvent, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onOpen(id)
    }
  }
  return (
    <ol className="desk-list" aria-label={label}>
      {items.map((item) => {
        const isOpen = item.id === selectedId
        return (
          <li
            key={item.id}
            className="desk-row"
            data-open={isOpen || undefined}
            data-cursor={item.id === cursorId || undefined}
            data-testid={`case-row-${item.requestNumber}`}
          >
            {onCheck ? (
              <input
                type="checkbox"
                className="desk-row__check"
                checked={checked?.has(item.id) ?? false}
                onChange={(e) => onCheck(item.id, e.target.checked)}
                aria-label={t('dispatch.select', { number: item.requestNumber })}
              />
            ) : null}
            <div
              role="button"
              tabIndex={0}
              aria-current={isOpen || undefined}
              className="desk-row__main"
              onClick={() => onOpen(item.id)}
              onKeyDown={(e) => onRowKey(e, item.id)}
            >
              <div className="desk-row__line">
                <span className="desk-row__number">{item.requestNumber}</span>
                <CaseStateTag status={item.status} />
                {item.sla || item.deadline ? <SlaTag item={item} now={now} /> : null}
              </div>
              <div className="desk-row__line desk-row__what">
                {names.category(item.kind, item.categoryCode)}
                {item.address ? ` · ${item.address}` : ''}
              </div>
              <div className="desk-row__line desk-row__meta">
                <span>{names.district(item.districtCode)}</span>
                {item.responsibleDepartment ? (
                  <span>{names.department(item.responsibleDepartment)}</span>
                ) : null}
                {item.supervision ? (
                  <Tag tone="danger" icon="warning">
                    {t(`supervision.${item.supervision.level}`)}
                  </Tag>
                ) : null}
                {item.reworkCount ? (
                  <Tag tone="warn" icon="warning">
                    {t('desk.rework', { count: item.reworkCount })}
                  </Tag>
                ) : null}
                {extra?.(item)}
              </div>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
