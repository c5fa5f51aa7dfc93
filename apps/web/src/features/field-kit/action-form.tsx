import type { CaseCommandType } from '@cityops/domain'
import { Button, InlineAlert, TextField } from '@cityops/ui'
import { useState } from 'react'
import type { FormEvent } from 'react'
import type { Uploader } from './use-photo-uploads'
import { usePhotoUploads } from './use-photo-uploads'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { MutationError } from '../shell'
import { PhotoPicker } from './photo-picker'
import { TextArea } from './text-area'

/** The fields a field-app action asks for, from CaseCommand in packages/domain. */
type FormSpec = {
  text?: 'note' | 'reason'
  until?: boolean
  photos?: boolean
  title: MessageKey
  submit: MessageKey
  textLabel?: MessageKey
  textHint?: MessageKey
  textRequired?: MessageKey
}

// Actions the handler and the inspector take on a phone. Photos for other actions than 处置
// (proof for a 回退 / 延期 / 挂账 request, what the inspector saw at 核实 / 核查) are still the
// case's evidence, uploaded to it; only `dispose` names them in its fields.
export const FIELD_FORMS = {
  dispose: {
    text: 'note',
    photos: true,
    title: 'fieldAction.dispose.title',
    submit: 'fieldAction.dispose.submit',
    textLabel: 'fieldAction.dispose.note',
    textHint: 'fieldAction.dispose.noteHint',
    textRequired: 'fieldAction.dispose.noteRequired',
  },
  requestReturn: {
    text: 'reason',
    photos: true,
    title: 'fieldAction.requestReturn.title',
    submit: 'fieldAction.requestReturn.submit',
    textLabel: 'fieldAction.requestReturn.reason',
    textHint: 'fieldAction.requestReturn.reasonHint',
    textRequired: 'fieldAction.reasonRequired',
  },
  requestExtension: {
    text: 'reason',
    photos: true,
    until: true,
    title: 'fieldAction.requestExtension.title',
    submit: 'fieldAction.requestExtension.submit',
    textLabel: 'fieldAction.requestExtension.reason',
    textRequired: 'fieldAction.reasonRequired',
  },
  requestSuspension: {
    text: 'reason',
    photos: true,
    title: 'fieldAction.requestSuspension.title',
    submit: 'fieldAction.requestSuspension.submit',
    textLabel: 'fieldAction.requestSuspension.reason',
    textHint: 'fieldAction.requestSuspension.reasonHint',
    textRequired: 'fieldAction.reasonRequired',
  },
  resume: { title: 'fieldAction.resume.title', submit: 'fieldAction.resume.submit' },
  verify: { photos: true, title: 'fieldAction.verify.title', submit: 'fieldAction.verify.submit' },
  checkPass: {
    photos: true,
    title: 'fieldAction.checkPass.title',
    submit: 'fieldAction.checkPass.submit',
  },
  checkFail: {
    text: 'reason',
    photos: true,
    title: 'fieldAction.checkFail.title',
    submit: 'fieldAction.checkFail.submit',
    textLabel: 'fieldAction.checkFail.reason',
    textRequired: 'fieldAction.reasonRequired',
  },
} as const satisfies Partial<Record<CaseCommandType, FormSpec>>

export type FieldAction = keyof typeof FIELD_FORMS
export const FIELD_ACTIONS = Object.keys(FIELD_FORMS) as FieldAction[]
export const isFieldAction = (action: CaseCommandType): action is FieldAction =>
  action in FIELD_FORMS

export type FieldActionFields = {
  note?: string
  reason?: string
  until?: string
  evidenceIds?: string[]
}

type CaseActionFormProps = {
  action: FieldAction
  caseId: string
  /** The current deadline, the earliest an extension may ask for. */
  deadline?: string | null
  onSubmit: (fields: FieldActionFields) => Promise<unknown>
  onCancel: () => void
  upload?: Uploader
}

// `datetime-local` gives local wall time; the API takes ISO 8601 with an offset.
const toIso = (local: string): string | null => {
  const at = new Date(local)
  return Number.isNaN(at.getTime()) ? null : at.toISOString()
}

/**
 * One workflow action with its fields: a note or reason (required where the domain requires
 * it), an "until" time for 延期, and photos taken on the device. Photos upload as they are
 * taken; the action waits until every photo has been uploaded or removed.
 */
export function CaseActionForm({
  action,
  caseId,
  deadline,
  onSubmit,
  onCancel,
  upload,
}: CaseActionFormProps) {
  const t = useT()
  const spec: FormSpec = FIELD_FORMS[action]
  const uploads = usePhotoUploads(upload)
  const [text, setText] = useState('')
  const [until, setUntil] = useState('')
  const [problems, setProblems] = useState<{ text?: string; until?: string; photos?: string }>({})
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found: typeof problems = {}
    if (spec.text && spec.textRequired && text.trim() === '') found.text = t(spec.textRequired)
    const untilIso = spec.until ? toIso(until) : null
    if (spec.until) {
      if (!untilIso) found.until = t('fieldAction.requestExtension.untilRequired')
      else if (deadline && new Date(untilIso) <= new Date(deadline)) {
        found.until = t('fieldAction.requestExtension.untilAfterDeadline')
      } else if (new Date(untilIso) <= new Date()) {
        found.until = t('fieldAction.requestExtension.untilFuture')
      }
    }
    if (uploads.hasFailed) found.photos = t('fieldPhotos.blockFailed')
    setProblems(found)
    if (Object.keys(found).length > 0 || uploads.isBusy) return
    const fields: FieldActionFields = {}
    if (spec.text) fields[spec.text] = text.trim()
    if (untilIso) fields.until = untilIso
    if (action === 'dispose' && uploads.evidenceIds.length > 0) {
      fields.evidenceIds = uploads.evidenceIds
    }
    setSending(true)
    setError(null)
    try {
      await onSubmit(fields)
    } catch (failure) {
      setError(failure)
    } finally {
      setSending(false)
    }
  }

  return (
    <form
      className="action-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid={`action-form-${action}`}
    >
      <h2 className="action-form__title">{t(spec.title)}</h2>
      {spec.until ? (
        <TextField
          label={t('fieldAction.requestExtension.until')}
          type="datetime-local"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          error={problems.until}
          required
          data-testid="action-until"
        />
      ) : null}
      {spec.text && spec.textLabel ? (
        <TextAreaField
          label={t(spec.textLabel)}
          hint={spec.textHint ? t(spec.textHint) : undefined}
          value={text}
          onChange={setText}
          error={problems.text}
          required={Boolean(spec.textRequired)}
        />
      ) : null}
      {spec.photos ? (
        <>
          <PhotoPicker uploads={uploads} caseId={caseId} disabled={sending} />
          {problems.photos ? <InlineAlert tone="error">{problems.photos}</InlineAlert> : null}
        </>
      ) : null}
      <MutationError error={error} />
      <div className="action-form__buttons">
        <Button
          type="submit"
          variant="primary"
          className="field-button"
          disabled={sending || uploads.isBusy}
          data-testid="action-submit"
        >
          {sending
            ? t('fieldAction.sending')
            : uploads.isBusy
              ? t('fieldPhotos.waitForUploads')
              : t(spec.submit)}
        </Button>
        <Button className="field-button" onClick={onCancel} disabled={sending}>
          {t('fieldAction.cancel')}
        </Button>
      </div>
    </form>
  )
}

function TextAreaField(props: {
  label: string
  hint?: string
  value: string
  onChange: (value: string) => void
  error?: string
  required: boolean
}) {
  return (
    <TextArea
      label={props.label}
      hint={props.hint}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
      required={props.required}
      rows={4}
      maxLength={4000}
      data-testid="action-text"
    />
  )
}
