import { AUDIT_OUTCOMES } from '@cityops/domain'
import { Button, InlineAlert, SelectField, TextField } from '@cityops/ui'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useT } from '../../i18n'
import { EMPTY_FILTERS, asOutcome, isRangeInvalid } from './audit-url'
import type { AuditFilterForm } from './audit-url'

type Props = { initial: AuditFilterForm; onApply: (form: AuditFilterForm) => void }

/** The viewer's filter form; applying writes the URL (the parent keys this form by it). */
export function AuditFilters({ initial, onApply }: Props) {
  const t = useT()
  const [form, setForm] = useState(initial)
  const [isSubmitted, setSubmitted] = useState(false)
  const set = (patch: Partial<AuditFilterForm>) => setForm((f) => ({ ...f, ...patch }))
  const isInvalid = isRangeInvalid(form)
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    if (!isInvalid) onApply(form)
  }
  return (
    <form
      className="audit-filters"
      noValidate
      onSubmit={onSubmit}
      aria-label={t('audit.filters')}
      data-testid="audit-filters"
    >
      <div className="audit-filters__grid">
        <TextField
          label={t('audit.from')}
          type="datetime-local"
          step={1}
          value={form.from}
          onChange={(e) => set({ from: e.target.value })}
        />
        <TextField
          label={t('audit.to')}
          type="datetime-local"
          step={1}
          value={form.to}
          onChange={(e) => set({ to: e.target.value })}
          error={isSubmitted && isInvalid ? t('audit.rangeInvalid') : undefined}
        />
        <TextField
          label={t('audit.actor')}
          hint={t('audit.actorHint')}
          value={form.actor}
          onChange={(e) => set({ actor: e.target.value })}
        />
        <TextField
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={form.action}
          onChange={(e) => set({ action: e.target.value })}
        />
        <SelectField
          label={t('audit.outcome')}
          value={form.outcome}
          onChange={(e) => set({ outcome: asOutcome(e.target.value) })}
        >
          <option value="">{t('audit.anyOutcome')}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcome.${outcome}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('audit.objectType')}
          hint={t('audit.objectTypeHint')}
          value={form.objectType}
          onChange={(e) => set({ objectType: e.target.value })}
        />
      </div>
      {isSubmitted && isInvalid ? (
        <InlineAlert tone="error">{t('audit.rangeInvalid')}</InlineAlert>
      ) : null}
      <div className="audit-filters__actions">
        <Button type="submit" variant="primary" data-testid="audit-apply">
          {t('audit.apply')}
        </Button>
        <Button onClick={() => onApply(EMPTY_FILTERS)}>{t('audit.reset')}</Button>
      </div>
    </form>
  )
}
