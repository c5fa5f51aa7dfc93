import { CASE_STATES, DISTRICTS, FUNCTIONAL_AREAS, isTerminalCaseState } from '@cityops/domain'
import { Button, CheckboxField, Fieldset, SelectField, TextField } from '@cityops/ui'
import type { Ref } from 'react'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useCaseNames } from '../cases/use-case-names'
import { EMPTY_QUEUE_VIEW, type QueueView } from './dispatch-url'

const OPEN_STATES = CASE_STATES.filter((s) => !isTerminalCaseState(s))
const AREAS = [...DISTRICTS, ...FUNCTIONAL_AREAS]

type Props = {
  view: QueueView
  onChange: (patch: Partial<QueueView>) => void
  searchRef: Ref<HTMLInputElement>
}

/** The queue's filters; every change goes to the URL at once (no apply button). */
export function DispatchFilters({ view, onChange, searchRef }: Props) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const names = useCaseNames()
  const majors = [...new Map(names.categories.map((c) => [c.majorCode, c.majorName])).entries()]
  const toggleState = (state: (typeof OPEN_STATES)[number], isOn: boolean) => {
    const next = isOn ? [...view.status, state] : view.status.filter((s) => s !== state)
    if (next.length > 0) onChange({ status: CASE_STATES.filter((s) => next.includes(s)) })
  }
  return (
    <form className="dispatch-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <TextField
        ref={searchRef}
        label={t('dispatch.search')}
        placeholder={t('dispatch.searchHint')}
        type="search"
        value={view.q}
        onChange={(e) => onChange({ q: e.target.value })}
        data-testid="dispatch-search"
      />
      <SelectField
        label={t('dispatch.category')}
        value={view.category}
        onChange={(e) => onChange({ category: e.target.value })}
      >
        <option value="">{t('dispatch.allCategories')}</option>
        {majors.map(([code, name]) => (
          <option key={code} value={code}>
            {`${code} ${name}`}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('dispatch.district')}
        value={view.district}
        onChange={(e) => onChange({ district: e.target.value })}
      >
        <option value="">{t('dispatch.allDistricts')}</option>
        {AREAS.map((a) => (
          <option key={a.code} value={a.code}>
            {locale === 'zh-CN' ? a.name : a.nameEn}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('dispatch.department')}
        value={view.department}
        onChange={(e) => onChange({ department: e.target.value })}
      >
        <option value="">{t('dispatch.allDepartments')}</option>
        {names.departments.map((d) => (
          <option key={d.code} value={d.code}>
            {names.department(d.code)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('dispatch.overdue')}
        value={view.overdue}
        onChange={(e) =>
          onChange({
            overdue: e.target.value === 'true' || e.target.value === 'false' ? e.target.value : '',
          })
        }
      >
        <option value="">{t('dispatch.overdueAny')}</option>
        <option value="true">{t('dispatch.overdueOnly')}</option>
        <option value="false">{t('dispatch.overdueNot')}</option>
      </SelectField>
      <CheckboxField
        label={t('dispatch.supervised')}
        checked={view.supervised}
        onChange={(e) => onChange({ supervised: e.target.checked })}
      />
      <details className="dispatch-filters__states">
        <summary className="co-field__label">
          {t('dispatch.status')}
          <span className="dispatch-filters__summary">
            {view.status.map((s) => t(`caseState.${s}`)).join(' · ')}
          </span>
        </summary>
        <Fieldset label={t('dispatch.status')}>
          {OPEN_STATES.map((s) => (
            <CheckboxField
              key={s}
              label={t(`caseState.${s}`)}
              checked={view.status.includes(s)}
              onChange={(e) => toggleState(s, e.target.checked)}
            />
          ))}
        </Fieldset>
      </details>
      <Button
        variant="ghost"
        onClick={() => onChange({ ...EMPTY_QUEUE_VIEW, selected: view.selected })}
      >
        {t('dispatch.reset')}
      </Button>
    </form>
  )
}
