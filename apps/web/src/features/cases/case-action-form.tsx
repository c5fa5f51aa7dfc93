import { SUPERVISION_LEVELS, type CaseCommandType } from '@cityops/domain'
import { Button, InlineAlert, SelectField, TextField } from '@cityops/ui'
import { useState, type FormEvent } from 'react'
import { caseActionRequest, newIdempotencyKey } from '../../api/cases'
import { useT, type MessageKey, type Translate } from '../../i18n'
import {
  ACTION_FIELDS,
  validateActionForm,
  type ActionField,
  type ActionFieldName,
  type ActionFormValues,
  type FieldProblem,
} from './action-form-model'
import { caseActionErrorText, useCaseAction } from './use-case-action'

export type DepartmentOption = { code: string; name: string; hint?: string }

export type CaseActionFormProps = {
  caseId: string
  requestNumber: string
  version: number
  action: CaseCommandType
  /** Choices for `dispatch`, best first; the first is preselected. */
  departments: readonly DepartmentOption[]
  initialValues?: ActionFormValues
  onDone: () => void
  onCancel: () => void
}

const problemText = (t: Translate, p: FieldProblem | undefined) =>
  p === undefined ? undefined : 'key' in p ? t(p.key) : p.text

const LABELS: Record<ActionFieldName, MessageKey> = {
  reason: 'caseField.reason',
  duplicateOf: 'caseField.duplicateOf',
  categoryCode: 'caseField.categoryCode',
  gridCode: 'caseField.gridCode',
  departmentCode: 'caseField.departmentCode',
  until: 'caseField.until',
  note: 'caseField.note',
  level: 'caseField.level',
  inspector: 'caseField.inspector',
}
const HINTS: Partial<Record<ActionFieldName, MessageKey>> = {
  duplicateOf: 'caseField.duplicateOfHint',
  categoryCode: 'caseField.categoryCodeHint',
  gridCode: 'caseField.gridCodeHint',
  inspector: 'caseField.inspectorHint',
}

type FieldProps = {
  field: ActionField
  value: string
  error: string | undefined
  departments: readonly DepartmentOption[]
  onChange: (value: string) => void
  isFirst: boolean
}

function ActionFieldInput({ field, value, error, departments, onChange, isFirst }: FieldProps) {
  const t = useT()
  const common = {
    label: t(LABELS[field.name]),
    hint: HINTS[field.name] ? t(HINTS[field.name] as MessageKey) : undefined,
    error,
    required: field.isRequired,
    name: field.name,
    'data-autofocus': isFirst || undefined,
    'data-testid': `case-field-${field.name}`,
  }
  if (field.name === 'departmentCode')
    return (
      <SelectField {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('caseField.departmentChoose')}</option>
        {departments.map((d) => (
          <option key={d.code} value={d.code}>
            {d.hint ? `${d.name} — ${d.hint}` : d.name}
          </option>
        ))}
      </SelectField>
    )
  if (field.name === 'level')
    return (
      <SelectField {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="" />
        {SUPERVISION_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`supervision.${l}`)}
          </option>
        ))}
      </SelectField>
    )
  return (
    <TextField
      {...common}
      type={field.name === 'until' ? 'datetime-local' : 'text'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

/**
 * The fields one action needs, checked before sending; one Idempotency-Key for the life of the
 * form, so a retry after a lost answer can never apply the action twice.
 */
export function CaseActionForm(props: CaseActionFormProps) {
  const { caseId, version, action, departments, onDone, onCancel } = props
  const t = useT()
  const fields = ACTION_FIELDS[action]
  const [values, setValues] = useState<ActionFormValues>(() => ({
    departmentCode: departments[0]?.code ?? '',
    ...props.initialValues,
  }))
  const [errors, setErrors] = useState<Partial<Record<ActionFieldName, FieldProblem>>>({})
  const [idempotencyKey] = useState(newIdempotencyKey)
  const mutation = useCaseAction(caseId)
  const label = t(`caseAction.${action}`)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = validateActionForm(action, values, new Date())
    if (!result.ok) return setErrors(result.errors)
    setErrors({})
    mutation.mutate(
      { request: caseActionRequest(result.command, version), idempotencyKey },
      { onSuccess: onDone },
    )
  }

  return (
    <form className="case-action-form" onSubmit={submit} noValidate data-testid="case-action-form">
      <h3 className="case-action-form__title">{label}</h3>
      {fields.map((field, i) => (
        <ActionFieldInput
          key={field.name}
          field={field}
          isFirst={i === 0}
          value={values[field.name] ?? ''}
          error={problemText(t, errors[field.name])}
          departments={departments}
          onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
        />
      ))}
      {mutation.isError ? (
        <InlineAlert tone="error" data-testid="case-action-error">
          {caseActionErrorText(t, mutation.error)}
        </InlineAlert>
      ) : null}
      <div className="case-action-form__buttons">
        <Button
          type="submit"
          variant="primary"
          disabled={mutation.isPending}
          data-testid="case-action-submit"
        >
          {mutation.isPending ? t('caseForm.submitting') : t('caseForm.submit', { action: label })}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={mutation.isPending}>
          {t('caseForm.cancel')}
        </Button>
      </div>
    </form>
  )
}
