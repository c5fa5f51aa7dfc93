import type { CaseItem } from '../../api/cases'
import { useT } from '../../i18n'
import { useCaseNames } from '../cases/use-case-names'
import { DeadlineTag, StateTag } from './case-facts'
import { isOverdue } from './queue-order'

type CaseRowProps = {
  item: CaseItem
  now: Date
  onOpen: (id: string) => void
}

/** One case in a phone queue: a whole-width button with number, category, place and clock. */
export function CaseRow({ item, now, onOpen }: CaseRowProps) {
  const t = useT()
  const { category } = useCaseNames()
  const overdue = isOverdue(item, now)
  return (
    <li>
      <button
        type="button"
        className={`case-row${overdue ? ' case-row--overdue' : ''}`}
        onClick={() => onOpen(item.id)}
        data-testid={`case-row-${item.requestNumber}`}
      >
        <span className="case-row__top">
          <span className="case-row__number">{item.requestNumber}</span>
          <StateTag status={item.status} />
        </span>
        <span className="case-row__category">{category(item.kind, item.categoryCode)}</span>
        <span className="case-row__place">
          {item.address ?? item.description ?? t('fieldApp.noAddress')}
        </span>
        <span className="case-row__tags">
          <DeadlineTag item={item} now={now} />
          {item.supervision ? (
            <span className="case-row__flag">{t('fieldApp.supervised')}</span>
          ) : null}
          {item.reworkCount ? (
            <span className="case-row__flag">{t('fieldApp.rework', { n: item.reworkCount })}</span>
          ) : null}
        </span>
      </button>
    </li>
  )
}
