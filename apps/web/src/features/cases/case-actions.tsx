import type { CaseCommandType } from '@cityops/domain'
import { Button, InlineAlert } from '@cityops/ui'
import { useRef, useState } from 'react'
import { caseActionRequest, newIdempotencyKey, type CaseWithActions } from '../../api/cases'
import { useT } from '../../i18n'
import { ACTION_FIELDS, validateActionForm, type ActionFormValues } from './action-form-model'
import { CaseActionForm, type DepartmentOption } from './case-action-form'
import { caseActionErrorText, useCaseAction } from './use-case-action'

export type CaseActionsProps = {
  detail: CaseWithActions
  /** Choices for `dispatch`, best first. */
  departments?: readonly DepartmentOption[]
  /** Show only these actions (a desk's own part of the workflow); default all allowed. */
  only?: readonly CaseCommandType[]
  /** Prefilled fields per action, e.g. `duplicateOf` from a flagged duplicate. */
  initialValues?: Partial<Record<CaseCommandType, ActionFormValues>>
  /** The action to open at once (a keyboard shortcut, a "mark duplicate" link). */
  opened?: CaseCommandType | null
  onOpenedChange?: (action: CaseCommandType | null) => void
  onActed?: (action: CaseCommandType) => void
}

// 立案 starts from what the report says; the shift lead corrects the 小类 or names the grid.
function defaultsFor(detail: CaseWithActions, action: CaseCommandType): ActionFormValues {
  if (action !== 'file') return {}
  return { categoryCode: detail.case.categoryCode, gridCode: detail.case.gridCode ?? '' }
}

// Actions that undo nothing and need no fields are one click; the rest open their form.
const isDirect = (action: CaseCommandType) => ACTION_FIELDS[action].length === 0

/**
 * The buttons for what the caller may do now (`allowedActions` from the server), each opening
 * the fields it needs. A direct action keeps its Idempotency-Key until it succeeds, so a retry
 * after a lost answer is the same intent.
 */
export function CaseActions(props: CaseActionsProps) {
  const { detail, departments = [], only, initialValues, onActed } = props
  const t = useT()
  const [localOpen, setLocalOpen] = useState<CaseCommandType | null>(null)
  const open = props.opened !== undefined ? props.opened : localOpen
  const setOpen = props.onOpenedChange ?? setLocalOpen
  const keys = useRef(new Map<CaseCommandType, string>())
  const mutation = useCaseAction(detail.case.id)
  const actions = detail.allowedActions.filter((a) => !only || only.includes(a))

  const runDirect = (action: CaseCommandType) => {
    const key = keys.current.get(action) ?? newIdempotencyKey()
    keys.current.set(action, key)
    const parsed = validateActionForm(action, {}, new Date())
    if (!parsed.ok) return setOpen(action) // not field-less after all: show its form
    mutation.mutate(
      { request: caseActionRequest(parsed.command, detail.case.version), idempotencyKey: key },
      {
        onSuccess: () => {
          keys.current.delete(action)
          onActed?.(action)
        },
      },
    )
  }

  if (actions.length === 0) return <p className="case-muted">{t('caseDetail.noActions')}</p>
  return (
    <div className="case-actions">
      <div className="case-actions__buttons" role="group" aria-label={t('caseDetail.actions')}>
        {actions.map((action) => (
          <Button
            key={action}
            variant={open === action ? 'primary' : 'secondary'}
            disabled={mutation.isPending}
            aria-expanded={isDirect(action) ? undefined : open === action}
            data-testid={`case-action-${action}`}
            onClick={() =>
              isDirect(action) ? runDirect(action) : setOpen(open === action ? null : action)
            }
          >
            {t(`caseAction.${action}`)}
          </Button>
        ))}
      </div>
      {mutation.isError ? (
        <InlineAlert tone="error" data-testid="case-action-error">
          {caseActionErrorText(t, mutation.error)}
        </InlineAlert>
      ) : null}
      {open && actions.includes(open) && !isDirect(open) ? (
        <CaseActionForm
          key={`${open}:${detail.case.id}`}
          caseId={detail.case.id}
          requestNumber={detail.case.requestNumber}
          version={detail.case.version}
          action={open}
          departments={departments}
          initialValues={{ ...defaultsFor(detail, open), ...initialValues?.[open] }}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null)
            onActed?.(open)
          }}
        />
      ) : null}
    </div>
  )
}
