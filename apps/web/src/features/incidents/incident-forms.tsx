import { INCIDENT_GRADES, type IncidentGrade } from '@cityops/domain'
import { Button, InlineAlert, SelectField } from '@cityops/ui'
import { useState, type FormEvent, type ReactNode } from 'react'
import {
  newIdempotencyKey,
  type IncidentActionRequest,
  type IncidentDetail,
  type IncidentLevelAction,
} from '../../api/incidents'
import { useT } from '../../i18n'
import { TextArea } from '../field-kit/text-area'
import { AssignFields, type AssignValues } from './assign-fields'
import { useIncidentNames } from './incident-labels'
import { incidentActionErrorText, useIncidentAction } from './use-incident-action'

type FormProps = {
  detail: IncidentDetail
  action: IncidentLevelAction
  onDone: () => void
  onCancel: () => void
}

type Values = { grade: IncidentGrade | ''; reason: string; summary: string } & AssignValues
type Problems = Partial<Record<'grade' | 'reason' | 'summary' | 'departmentCode', string>>

/** The request for the form's values, or what is missing (checked before anything is sent). */
function requestOf(
  action: IncidentLevelAction,
  v: Values,
  version: number,
): IncidentActionRequest | Problems {
  const expectedVersion = version
  if (action === 'grade') {
    if (!v.grade || !v.reason.trim()) {
      return { ...(v.grade ? {} : { grade: 'x' }), ...(v.reason.trim() ? {} : { reason: 'x' }) }
    }
    return { action, expectedVersion, grade: v.grade, reason: v.reason.trim() }
  }
  if (action === 'assign') {
    if (!v.departmentCode) return { departmentCode: 'x' }
    return { action, expectedVersion, departmentCode: v.departmentCode, unitIds: v.unitIds }
  }
  if (!v.summary.trim()) return { summary: 'x' }
  return { action, expectedVersion, summary: v.summary.trim() }
}

/**
 * 调整等级 (new grade + reason), 指派部门 (department + units from the suggestions), 结束事件
 * (summary). One Idempotency-Key for the life of the form: a retry is never applied twice.
 */
export function IncidentActionForm({ detail, action, onDone, onCancel }: FormProps) {
  const t = useT()
  const names = useIncidentNames()
  const { incident } = detail
  const [values, setValues] = useState<Values>({
    grade: '',
    reason: '',
    summary: '',
    departmentCode: '',
    unitIds: [],
  })
  const [problems, setProblems] = useState<Problems>({})
  const [idempotencyKey] = useState(newIdempotencyKey)
  const mutation = useIncidentAction(incident.id)
  const label = t(`incidents.action.${action}`)
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const request = requestOf(action, values, incident.version)
    if (!('action' in request)) return setProblems(request)
    setProblems({})
    mutation.mutate({ request, idempotencyKey }, { onSuccess: onDone })
  }

  let fields: ReactNode
  if (action === 'grade') {
    fields = (
      <>
        <SelectField
          label={t('incidents.field.grade')}
          value={values.grade}
          required
          autoFocus
          error={problems.grade ? t('incidents.field.gradeRequired') : undefined}
          data-testid="incident-field-grade"
          onChange={(e) => set({ grade: e.target.value as IncidentGrade | '' })}
        >
          <option value="" />
          {INCIDENT_GRADES.filter((g) => g !== incident.grade).map((g) => (
            <option key={g} value={g}>
              {names.grade(g)}
            </option>
          ))}
        </SelectField>
        <TextArea
          label={t('incidents.field.reason')}
          value={values.reason}
          required
          rows={2}
          maxLength={500}
          error={problems.reason ? t('incidents.field.reasonRequired') : undefined}
          data-testid="incident-field-reason"
          onChange={(e) => set({ reason: e.target.value })}
        />
      </>
    )
  } else if (action === 'assign') {
    fields = (
      <AssignFields
        detail={detail}
        values={values}
        error={problems.departmentCode ? t('incidents.field.departmentRequired') : undefined}
        onChange={set}
      />
    )
  } else {
    fields = (
      <TextArea
        label={t('incidents.field.summary')}
        value={values.summary}
        required
        autoFocus
        rows={3}
        maxLength={4000}
        error={problems.summary ? t('incidents.field.summaryRequired') : undefined}
        data-testid="incident-field-summary"
        onChange={(e) => set({ summary: e.target.value })}
      />
    )
  }

  return (
    <form className="incident-form" onSubmit={submit} noValidate data-testid="incident-action-form">
      <h3 className="incident-form__title">{label}</h3>
      {fields}
      {mutation.isError ? (
        <InlineAlert tone="error" data-testid="incident-action-error">
          {incidentActionErrorText(t, mutation.error)}
        </InlineAlert>
      ) : null}
      <div className="incident-actions__buttons">
        <Button
          type="submit"
          variant="primary"
          disabled={mutation.isPending}
          data-testid="incident-action-submit"
        >
          {mutation.isPending
            ? t('incidents.submitting')
            : t('incidents.submit', { action: label })}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={mutation.isPending}>
          {t('incidents.cancel')}
        </Button>
      </div>
    </form>
  )
}
