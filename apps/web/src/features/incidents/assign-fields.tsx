import { UNIT_TYPE_LABELS } from '@cityops/domain'
import { LoadingState, SelectField } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { departmentsQueryOptions } from '../../api/departments'
import {
  unitSuggestionsQueryOptions,
  type IncidentDetail,
  type UnitSuggestion,
} from '../../api/incidents'
import { useLabel, useT } from '../../i18n'
import { useDepartmentName } from '../admin/use-department-name'

export type AssignValues = { departmentCode: string; unitIds: string[] }

type Props = {
  detail: IncidentDetail
  values: AssignValues
  error: string | undefined
  onChange: (patch: AssignValues) => void
}

/**
 * The department to assign and, optionally, units from the nearest available ones. A unit
 * goes with its own department (the BFF refuses another's), so ticking a unit of another
 * department switches the department and drops the units chosen before.
 */
export function AssignFields({ detail, values, error, onChange }: Props) {
  const t = useT()
  const label = useLabel()
  const departments = useQuery(departmentsQueryOptions())
  const nameOf = useDepartmentName(departments.data)
  const suggestions = useQuery(unitSuggestionsQueryOptions(detail.incident.id))
  const busy = new Set(
    detail.assignments.filter((a) => a.status !== 'finished').map((a) => a.departmentCode),
  )
  const units = suggestions.data?.suggestions ?? []
  // Departments with a suggested unit first, nearest first: who can be there soonest.
  const nearest = [...new Set(units.map((u) => u.departmentCode))]
  const options = [...(departments.data ?? [])]
    .filter((d) => d.active !== false)
    .sort((a, b) => rank(nearest, a.code) - rank(nearest, b.code))

  const toggle = (unit: UnitSuggestion, isOn: boolean) => {
    if (!isOn) {
      onChange({ ...values, unitIds: values.unitIds.filter((id) => id !== unit.unitId) })
    } else if (unit.departmentCode !== values.departmentCode) {
      onChange({ departmentCode: unit.departmentCode, unitIds: [unit.unitId] })
    } else {
      onChange({ ...values, unitIds: [...values.unitIds, unit.unitId] })
    }
  }

  return (
    <>
      <SelectField
        label={t('incidents.field.department')}
        value={values.departmentCode}
        required
        autoFocus
        error={error}
        data-testid="incident-field-department"
        onChange={(e) => onChange({ departmentCode: e.target.value, unitIds: [] })}
      >
        <option value="">{t('incidents.field.departmentChoose')}</option>
        {options.map((d) => (
          <option key={d.code} value={d.code} disabled={busy.has(d.code)}>
            {nameOf(d.code)}
            {busy.has(d.code) ? t('incidents.field.departmentAssigned') : ''}
          </option>
        ))}
      </SelectField>
      <fieldset className="incident-units" data-testid="unit-suggestions">
        <legend>{t('incidents.suggestions')}</legend>
        {suggestions.isPending ? (
          <LoadingState label={t('incidents.suggestionsLoading')} />
        ) : suggestions.isError ? (
          <p className="case-muted">
            {t('incidents.suggestionsError', { message: suggestions.error.message })}
          </p>
        ) : units.length === 0 ? (
          <p className="case-muted">{t('incidents.suggestionsNone')}</p>
        ) : (
          <ul className="incident-units__list">
            {units.map((u) => (
              <li key={u.unitId}>
                <label className="incident-units__unit">
                  <input
                    type="checkbox"
                    checked={values.unitIds.includes(u.unitId)}
                    disabled={busy.has(u.departmentCode)}
                    onChange={(e) => toggle(u, e.target.checked)}
                  />
                  <span className="incident-units__call">{u.callSign}</span>
                  <span>{label(UNIT_TYPE_LABELS[u.type])}</span>
                  <span className="case-muted">{nameOf(u.departmentCode)}</span>
                  <span className="case-muted">
                    {t('incidents.distance', { km: (u.distanceM / 1000).toFixed(1) })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </>
  )
}

const rank = (nearest: readonly string[], code: string) => {
  const i = nearest.indexOf(code)
  return i === -1 ? nearest.length : i
}
