import { Button, InlineAlert, TextField } from '@cityops/ui'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { caseKeys } from '../../api/cases'
import type { CaseCategory } from '../../api/cases'
import { reportCase } from '../../api/field-uploads'
import type { ReportedCase } from '../../api/field-uploads'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import { PhotoPicker } from '../field-kit/photo-picker'
import { TextArea } from '../field-kit/text-area'
import { usePhotoUploads } from '../field-kit/use-photo-uploads'
import type { Uploader } from '../field-kit/use-photo-uploads'
import { MutationError } from '../shell'
import { CategoryPicker } from './category-picker'
import { LocationField } from './location-field'
import type { ReportLocation } from './location-field'

export type ReportDraft = {
  category: CaseCategory | null
  location: ReportLocation | null
  description: string
}

export type ReportProblems = Partial<Record<'category' | 'location' | 'description', MessageKey>>

// Intake needs enough to act on without calling back [U: no minimum in DOMAIN.md; 5 characters].
export const MIN_DESCRIPTION = 5

/** What is missing before a report can be sent (all three are needed for 受理). */
export function validateReport(draft: ReportDraft): ReportProblems {
  const problems: ReportProblems = {}
  if (!draft.category) problems.category = 'report.categoryRequired'
  if (!draft.location) problems.location = 'report.locationRequired'
  const text = draft.description.trim()
  if (text === '') problems.description = 'report.descriptionRequired'
  else if (text.length < MIN_DESCRIPTION) problems.description = 'report.descriptionShort'
  return problems
}

type ReportFormProps = { upload?: Uploader }

/**
 * 上报: category, place (GPS or map pin), description, photos. The case is created first
 * (`POST /api/cases`), then each photo goes to its evidence; a failed photo can be retried on
 * the created case without reporting it twice.
 */
export function ReportForm({ upload }: ReportFormProps) {
  const t = useT()
  const queryClient = useQueryClient()
  const uploads = usePhotoUploads(upload)
  const [draft, setDraft] = useState<ReportDraft>({
    category: null,
    location: null,
    description: '',
  })
  const [address, setAddress] = useState('')
  const [problems, setProblems] = useState<ReportProblems>({})
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [created, setCreated] = useState<ReportedCase | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = validateReport(draft)
    setProblems(found)
    if (Object.keys(found).length > 0 || !draft.category || !draft.location) return
    setSending(true)
    setError(null)
    try {
      const report = await reportCase({
        kind: draft.category.kind,
        categoryCode: draft.category.code,
        description: draft.description.trim(),
        location: { type: 'Point', coordinates: draft.location.lngLat },
        ...(address.trim() ? { address: address.trim() } : {}),
      })
      setCreated(report)
      void queryClient.invalidateQueries({ queryKey: caseKeys.all() })
      await uploads.uploadAll(report.id)
    } catch (failure) {
      setError(failure)
    } finally {
      setSending(false)
    }
  }

  const again = () => {
    uploads.clear()
    setDraft({ category: null, location: null, description: '' })
    setAddress('')
    setCreated(null)
    setProblems({})
  }

  if (created) {
    return (
      <div className="report-done" data-testid="report-done">
        <InlineAlert tone="success">
          {t('report.created', { number: created.requestNumber })}
        </InlineAlert>
        {uploads.photos.length > 0 ? (
          <>
            {uploads.hasFailed ? (
              <InlineAlert tone="error">{t('report.photosFailed')}</InlineAlert>
            ) : null}
            <PhotoPicker uploads={uploads} caseId={created.id} />
          </>
        ) : null}
        <Button
          variant="primary"
          className="field-button"
          onClick={again}
          disabled={uploads.isBusy}
          data-testid="report-again"
        >
          {t('report.again')}
        </Button>
      </div>
    )
  }

  const problem = (key: keyof ReportProblems) => (problems[key] ? t(problems[key]) : undefined)
  // A field's complaint goes away as soon as the field changes; submit checks again.
  const change = (next: Partial<ReportDraft>) => {
    setDraft((d) => ({ ...d, ...next }))
    setProblems((p) => {
      const rest = { ...p }
      for (const key of Object.keys(next)) delete rest[key as keyof ReportProblems]
      return rest
    })
  }
  return (
    <form
      className="report-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="report-form"
    >
      <CategoryPicker
        value={draft.category}
        onChange={(category) => change({ category })}
        error={problem('category')}
      />
      <LocationField
        value={draft.location}
        onChange={(location) => change({ location })}
        error={problem('location')}
      />
      <TextField
        label={t('report.address')}
        hint={t('report.addressHint')}
        value={address}
        maxLength={300}
        onChange={(e) => setAddress(e.target.value)}
        data-testid="report-address"
      />
      <TextArea
        label={t('report.description')}
        hint={t('report.descriptionHint')}
        value={draft.description}
        onChange={(e) => change({ description: e.target.value })}
        error={problem('description')}
        rows={4}
        maxLength={4000}
        required
        data-testid="report-description"
      />
      <div className="co-field">
        <span className="co-field__label">{t('report.photos')}</span>
        <PhotoPicker uploads={uploads} disabled={sending} />
      </div>
      <MutationError error={error} />
      <Button
        type="submit"
        variant="primary"
        className="field-button"
        disabled={sending}
        data-testid="report-submit"
      >
        {sending ? t('report.sending') : t('report.submit')}
      </Button>
    </form>
  )
}
