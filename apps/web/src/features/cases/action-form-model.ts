import { CaseCommand, type CaseCommandType } from '@cityops/domain'
import type { MessageKey } from '../../i18n'

export type ActionFieldName =
  | 'reason'
  | 'duplicateOf'
  | 'categoryCode'
  | 'gridCode'
  | 'departmentCode'
  | 'until'
  | 'note'
  | 'level'
  | 'inspector'

export type ActionField = { name: ActionFieldName; isRequired: boolean }

const req = (name: ActionFieldName): ActionField => ({ name, isRequired: true })
const opt = (name: ActionFieldName): ActionField => ({ name, isRequired: false })

/**
 * The fields a person fills in for each workflow action (the `CaseCommand` schemas in
 * packages/domain/src/case-workflow/case-commands.ts). `dispose` photos come from the field
 * app's own picker, so the desk form asks only for the note.
 */
export const ACTION_FIELDS: Readonly<Record<CaseCommandType, readonly ActionField[]>> = {
  accept: [],
  invalidate: [req('reason'), opt('duplicateOf')],
  verify: [],
  file: [opt('categoryCode'), opt('gridCode')],
  notFile: [req('reason')],
  dispatch: [req('departmentCode')],
  requestReturn: [req('reason')],
  approveReturn: [],
  rejectReturn: [],
  requestExtension: [req('until'), req('reason')],
  approveExtension: [],
  rejectExtension: [],
  requestSuspension: [req('reason')],
  approveSuspension: [],
  rejectSuspension: [],
  resume: [],
  dispose: [req('note')],
  assignCheck: [opt('inspector')],
  checkPass: [],
  checkFail: [req('reason')],
  close: [],
  supervise: [req('level'), req('note')],
}

export type ActionFormValues = Partial<Record<ActionFieldName, string>>

/** A field's problem: one of ours (translated), or the domain schema's bilingual message. */
export type FieldProblem = { key: MessageKey } | { text: string }

export type ActionFormResult =
  | { ok: true; command: CaseCommand }
  | { ok: false; errors: Partial<Record<ActionFieldName, FieldProblem>> }

// datetime-local text has no zone: it is the browser's local time, sent as an instant.
function instantOf(local: string): string | null {
  const date = new Date(local)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const isFieldName = (name: unknown): name is ActionFieldName =>
  typeof name === 'string' &&
  Object.values(ACTION_FIELDS).some((fields) => fields.some((f) => f.name === name))

/**
 * Checks a form before it is sent: required fields, an extension that ends in the future,
 * then the domain's own schema (code formats, lengths). Empty optional fields are left out.
 */
export function validateActionForm(
  action: CaseCommandType,
  values: ActionFormValues,
  now: Date,
): ActionFormResult {
  const errors: Partial<Record<ActionFieldName, FieldProblem>> = {}
  const input: Record<string, unknown> = { type: action }
  for (const { name, isRequired } of ACTION_FIELDS[action]) {
    const text = (values[name] ?? '').trim()
    if (text === '') {
      if (isRequired)
        errors[name] = {
          key: name === 'departmentCode' ? 'caseField.chooseDepartment' : 'caseField.required',
        }
      continue
    }
    if (name === 'until') {
      const at = instantOf(text)
      if (at === null) errors.until = { key: 'caseField.untilInvalid' }
      else if (Date.parse(at) <= now.getTime()) errors.until = { key: 'caseField.untilFuture' }
      else input.until = at
      continue
    }
    input[name] = text
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const parsed = CaseCommand.safeParse(input)
  if (parsed.success) return { ok: true, command: parsed.data }
  for (const issue of parsed.error.issues) {
    const name = issue.path[0]
    if (isFieldName(name)) errors[name] ??= { text: issue.message }
  }
  return { ok: false, errors }
}
