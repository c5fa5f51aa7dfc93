import { Button, InlineAlert, SelectField } from '@cityops/ui'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { caseKeys, newIdempotencyKey, postCaseAction, type CaseItem } from '../../api/cases'
import { useT } from '../../i18n'
import { caseActionErrorText } from '../cases/use-case-action'
import { useCaseNames } from '../cases/use-case-names'

const DISPATCHABLE = new Set(['FILED', 'RETURNED'])

export type BulkOutcome = {
  ok: number
  skipped: number
  failed: { number: string; message: string }[]
}

type Props = {
  cases: readonly CaseItem[]
  onClear: () => void
  /** The dispatched cases leave the selection; the outcome stays on the page. */
  onDone: (dispatchedIds: readonly string[], outcome: BulkOutcome) => void
}

/** What a bulk dispatch did: counts, and each refusal with the server's reason. */
export function BulkOutcomeAlert({
  outcome,
  onClose,
}: {
  outcome: BulkOutcome
  onClose: () => void
}) {
  const t = useT()
  return (
    <InlineAlert tone={outcome.failed.length > 0 ? 'warn' : 'success'} data-testid="bulk-outcome">
      <p>{t('dispatch.bulkDone', { count: outcome.ok })}</p>
      {outcome.skipped > 0 ? <p>{t('dispatch.bulkSkipped', { count: outcome.skipped })}</p> : null}
      {outcome.failed.length > 0 ? (
        <ul>
          {outcome.failed.map((f) => (
            <li key={f.number}>{`${f.number}: ${f.message}`}</li>
          ))}
        </ul>
      ) : null}
      <Button variant="ghost" onClick={onClose}>
        {t('caseForm.close')}
      </Button>
    </InlineAlert>
  )
}

/**
 * 批量派遣: the checked cases to one department, one request each with its own key and the
 * version the queue showed (a case someone changed meanwhile is reported, not overwritten).
 */
export function BulkDispatch({ cases, onClear, onDone }: Props) {
  const t = useT()
  const names = useCaseNames()
  const queryClient = useQueryClient()
  const [department, setDepartment] = useState('')
  const [isRunning, setRunning] = useState(false)
  const [keys] = useState(() => new Map<string, string>())

  const run = async () => {
    if (!department) return
    setRunning(true)
    const result: BulkOutcome = { ok: 0, skipped: 0, failed: [] }
    const done: string[] = []
    for (const c of cases) {
      if (!DISPATCHABLE.has(c.status)) {
        result.skipped += 1
        continue
      }
      const intent = `${c.id}:${department}`
      const key = keys.get(intent) ?? newIdempotencyKey()
      keys.set(intent, key)
      try {
        await postCaseAction(
          c.id,
          { action: 'dispatch', expectedVersion: c.version, departmentCode: department },
          key,
        )
        keys.delete(intent)
        result.ok += 1
        done.push(c.id)
      } catch (error) {
        result.failed.push({ number: c.requestNumber, message: caseActionErrorText(t, error) })
      }
    }
    setRunning(false)
    await queryClient.invalidateQueries({ queryKey: caseKeys.all() })
    onDone(done, result)
  }

  return (
    <div className="bulk-dispatch" data-testid="bulk-dispatch">
      <strong>{t('dispatch.selectedCount', { count: cases.length })}</strong>
      <SelectField
        label={t('dispatch.bulkDepartment')}
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
        data-testid="bulk-department"
      >
        <option value="">{t('caseField.departmentChoose')}</option>
        {names.departments.map((d) => (
          <option key={d.code} value={d.code}>
            {names.department(d.code)}
          </option>
        ))}
      </SelectField>
      <div className="bulk-dispatch__buttons">
        <Button
          variant="primary"
          disabled={!department || isRunning || cases.length === 0}
          onClick={() => void run()}
          data-testid="bulk-dispatch-submit"
        >
          {isRunning ? t('caseForm.submitting') : t('dispatch.bulkDispatch')}
        </Button>
        <Button variant="ghost" onClick={onClear} disabled={isRunning}>
          {t('dispatch.clearSelection')}
        </Button>
      </div>
    </div>
  )
}
