import { Button, InlineAlert, LoadingState, Tag } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import {
  caseSuggestionQueryOptions,
  type CaseSuggestion,
  type DuplicateCandidate,
  type SuggestionReason,
} from '../../api/cases'
import { isNotFound } from '../../api/errors'
import { formatDateTime, useT, type Translate } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useCaseNames } from '../cases/use-case-names'

export function reasonText(
  t: Translate,
  reason: SuggestionReason,
  districtName: (code: string) => string,
): string {
  switch (reason.kind) {
    case 'categoryRoute':
      return t('suggestion.reason.categoryRoute')
    case 'gridOwner':
      return reason.gridCode && !reason.isDerivedFromDistrict
        ? t('suggestion.reason.gridOwner', { grid: reason.gridCode })
        : t('suggestion.reason.districtOwner', { district: districtName(reason.districtCode) })
    case 'componentOwner':
      return t('suggestion.reason.componentOwner', { id: reason.componentId })
    case 'openCases':
      return t('suggestion.reason.openCases', { count: reason.count })
    case 'onTimeRate':
      if (reason.rate === null) return t('suggestion.reason.noneDue', { days: reason.days })
      return t('suggestion.reason.onTimeRate', {
        rate: Math.round(reason.rate * 100),
        days: reason.days,
      })
  }
}

/** The suggestion of a case, shared by the panel and the `d` shortcut (one request). */
export function useSuggestion(caseId: string, isEnabled: boolean) {
  return useQuery({ ...caseSuggestionQueryOptions(caseId), enabled: isEnabled && caseId !== '' })
}

export function DuplicateList({ duplicates }: { duplicates: readonly DuplicateCandidate[] }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  if (duplicates.length === 0) return null
  return (
    <div className="suggestion-duplicates" data-testid="case-duplicates">
      <Tag tone="warn" icon="warning">
        {t('suggestion.duplicates', { count: duplicates.length })}
      </Tag>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id} data-testid={`duplicate-${d.requestNumber}`}>
            {t('suggestion.duplicate', {
              number: d.requestNumber,
              distance: Math.round(d.distanceM),
              at: formatDateTime(locale, d.reportedAt),
              state: t(`caseState.${d.status}`),
            })}
          </li>
        ))}
      </ul>
    </div>
  )
}

type SuggestionPanelProps = {
  query: ReturnType<typeof useSuggestion>
  canDispatch: boolean
  isDispatching: boolean
  onDispatch: (departmentCode: string) => void
}

/** Ranked departments with why each fits, and probable duplicates, for one case. */
export function SuggestionPanel({
  query,
  canDispatch,
  isDispatching,
  onDispatch,
}: SuggestionPanelProps) {
  const t = useT()
  const names = useCaseNames()
  if (query.isPending) return <LoadingState label={t('suggestion.loading')} />
  if (query.isError)
    return (
      <InlineAlert tone="info" data-testid="suggestion-unavailable">
        {isNotFound(query.error)
          ? t('suggestion.unavailable')
          : t('suggestion.error', { message: query.error.message })}
      </InlineAlert>
    )
  const data: CaseSuggestion = query.data
  return (
    <div className="suggestion" data-testid="suggestion">
      {data.departments.length === 0 ? (
        <p className="case-muted">{t('suggestion.none')}</p>
      ) : (
        <ol className="suggestion__list">
          {data.departments.map((d, i) => (
            <li
              key={d.departmentCode}
              className="suggestion__item"
              data-testid={`suggestion-${d.departmentCode}`}
            >
              <div className="suggestion__head">
                <span className="suggestion__rank">{i + 1}</span>
                <strong>
                  {names.departments.some((x) => x.code === d.departmentCode)
                    ? names.department(d.departmentCode)
                    : d.departmentName}
                </strong>
                <span className="suggestion__score">
                  {t('suggestion.score', { score: Math.round(d.score) })}
                </span>
                {canDispatch ? (
                  <Button
                    variant={i === 0 ? 'primary' : 'secondary'}
                    disabled={isDispatching}
                    onClick={() => onDispatch(d.departmentCode)}
                    data-testid={`suggestion-dispatch-${d.departmentCode}`}
                  >
                    {i === 0 ? t('suggestion.dispatchTop') : t('suggestion.dispatchHere')}
                  </Button>
                ) : null}
              </div>
              <ul className="suggestion__why">
                {d.reasons.map((r) => (
                  <li key={r.kind}>{reasonText(t, r, names.district)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <DuplicateList duplicates={data.duplicates} />
    </div>
  )
}
