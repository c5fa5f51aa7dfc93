import type { CaseCommandType } from '@cityops/domain'
import { InlineAlert } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState, type RefObject } from 'react'
import { caseQueryOptions } from '../../api/cases'
import { useT } from '../../i18n'
import type { DepartmentOption } from '../cases/case-action-form'
import { CaseDetail } from '../cases/case-detail'
import { caseActionErrorText } from '../cases/use-case-action'
import { useCaseNames } from '../cases/use-case-names'
import { reasonText, SuggestionPanel, useSuggestion } from './suggestion-panel'
import { useDispatchTo } from './use-dispatch-to'

const DISPATCHABLE = new Set(['FILED', 'RETURNED'])

type Props = {
  caseId: string
  now: number
  /** Set to "dispatch to the top suggestion" while that is possible (the `d` key). */
  dispatchTopRef: RefObject<(() => void) | null>
}

/** The open case for the dispatcher: the shared detail plus the explained suggestion. */
export function DispatchDetail({ caseId, now, dispatchTopRef }: Props) {
  const t = useT()
  const names = useCaseNames()
  const detail = useQuery(caseQueryOptions(caseId))
  const item = detail.data?.case
  const canDispatch = detail.data?.allowedActions.includes('dispatch') ?? false
  const suggestion = useSuggestion(caseId, item ? DISPATCHABLE.has(item.status) : false)
  const { dispatchTo, mutation } = useDispatchTo(caseId)
  const [done, setDone] = useState<CaseCommandType | null>(null)
  const top = suggestion.data?.departments[0]
  const version = item?.version

  useEffect(() => {
    dispatchTopRef.current =
      canDispatch && top && version !== undefined && !mutation.isPending
        ? () => dispatchTo(top.departmentCode, version)
        : null
    return () => {
      dispatchTopRef.current = null
    }
  })

  const departments = useMemo<DepartmentOption[]>(() => {
    const ranked = (suggestion.data?.departments ?? []).map((d) => ({
      code: d.departmentCode,
      name: names.departments.some((x) => x.code === d.departmentCode)
        ? names.department(d.departmentCode)
        : d.departmentName,
      hint: d.reasons.map((r) => reasonText(t, r, names.district)).join(' · '),
    }))
    const rest = names.departments
      .filter((d) => !ranked.some((r) => r.code === d.code))
      .map((d) => ({ code: d.code, name: names.department(d.code) }))
    return [...ranked, ...rest]
  }, [suggestion.data, names, t])

  const dispatchedTo = mutation.isSuccess ? mutation.variables.request : null
  return (
    <>
      {dispatchedTo?.action === 'dispatch' ? (
        <InlineAlert tone="success" data-testid="dispatch-done">
          {t('dispatch.dispatchedTo', {
            number: item?.requestNumber ?? '',
            department: names.department(dispatchedTo.departmentCode),
          })}
        </InlineAlert>
      ) : null}
      {done && !dispatchedTo ? (
        <InlineAlert tone="success" data-testid="action-done">
          {t('caseForm.done', {
            action: t(`caseAction.${done}`),
            number: item?.requestNumber ?? '',
          })}
        </InlineAlert>
      ) : null}
      {mutation.isError ? (
        <InlineAlert tone="error" data-testid="dispatch-error">
          {caseActionErrorText(t, mutation.error)}
        </InlineAlert>
      ) : null}
      <CaseDetail caseId={caseId} now={now} departments={departments} onActed={setDone}>
        {(d) =>
          DISPATCHABLE.has(d.case.status) ? (
            <section className="case-detail__section" aria-label={t('suggestion.title')}>
              <h3>{t('suggestion.title')}</h3>
              <SuggestionPanel
                query={suggestion}
                canDispatch={canDispatch}
                isDispatching={mutation.isPending}
                onDispatch={(code) => dispatchTo(code, d.case.version)}
              />
            </section>
          ) : null
        }
      </CaseDetail>
    </>
  )
}
