import { Button, Icon, Spinner } from '@cityops/ui'
import { useId } from 'react'
import type { ChangeEvent } from 'react'
import { ApiError, NetworkError } from '../../api/errors'
import { useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import type { FieldPhoto, PhotoStatus, PhotoUploads } from './use-photo-uploads'

const STATUS_LABEL: Record<PhotoStatus, MessageKey> = {
  waiting: 'fieldPhotos.waiting',
  uploading: 'fieldPhotos.uploading',
  uploaded: 'fieldPhotos.uploaded',
  failed: 'fieldPhotos.failed',
}

type PhotoPickerProps = {
  uploads: PhotoUploads
  /** With a case id photos upload as soon as they are taken; without, they wait for it. */
  caseId?: string
  disabled?: boolean
  /** Most photos a case action takes (the workflow's evidence limit). */
  max?: number
}

function useFailure() {
  const t = useT()
  return (error: unknown) => {
    if (error instanceof NetworkError) return t('fieldPhotos.failedOffline')
    if (error instanceof ApiError) {
      return error.problem.error ?? t('common.unexpected', { status: error.status })
    }
    return error instanceof Error ? error.message : t('fieldPhotos.failedUnknown')
  }
}

function PhotoTile({
  photo,
  onRemove,
  onRetry,
  disabled,
  index,
}: {
  photo: FieldPhoto
  onRemove: () => void
  onRetry?: () => void
  disabled?: boolean
  index: number
}) {
  const t = useT()
  const failure = useFailure()
  return (
    <li className={`photo-tile photo-tile--${photo.status}`} data-testid={`photo-${photo.status}`}>
      {photo.previewUrl ? (
        <img
          className="photo-tile__image"
          src={photo.previewUrl}
          alt={t('fieldPhotos.alt', { n: index + 1 })}
        />
      ) : (
        <div className="photo-tile__image photo-tile__image--none" aria-hidden="true" />
      )}
      <div className="photo-tile__status" role={photo.status === 'failed' ? 'alert' : 'status'}>
        {photo.status === 'uploading' ? <Spinner /> : null}
        {photo.status === 'uploaded' ? <Icon name="check" /> : null}
        {photo.status === 'failed' ? <Icon name="error" /> : null}
        <span>{t(STATUS_LABEL[photo.status])}</span>
      </div>
      {photo.status === 'failed' ? (
        <p className="photo-tile__error">{failure(photo.error)}</p>
      ) : null}
      <div className="photo-tile__actions">
        {photo.status === 'failed' && onRetry ? (
          <Button variant="primary" onClick={onRetry} disabled={disabled}>
            {t('fieldPhotos.retry')}
          </Button>
        ) : null}
        {/* An uploaded photo is the case's evidence now; there is nothing to take back. */}
        {photo.status === 'uploaded' ? null : (
          <Button
            onClick={onRemove}
            disabled={disabled || photo.status === 'uploading'}
            aria-label={t('fieldPhotos.removeLabel', { n: index + 1 })}
          >
            {t('fieldPhotos.remove')}
          </Button>
        )}
      </div>
    </li>
  )
}

/**
 * "Take a photo" on a phone: the camera opens straight away (`capture="environment"`); each
 * photo shows whether it is waiting, uploading, uploaded or failed, with retry and remove.
 */
export function PhotoPicker({ uploads, caseId, disabled, max = 20 }: PhotoPickerProps) {
  const t = useT()
  const inputId = useId()
  const full = uploads.photos.length >= max
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).slice(0, max - uploads.photos.length)
    event.target.value = '' // the same photo may be chosen again after removing it
    if (files.length > 0) uploads.add(files, caseId)
  }
  return (
    <div className="photo-picker">
      <input
        id={inputId}
        className="co-visually-hidden"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        disabled={disabled || full}
        onChange={onChange}
        data-testid="evidence-input"
      />
      <label
        htmlFor={inputId}
        className={`co-button co-button--secondary photo-picker__take${disabled || full ? ' is-disabled' : ''}`}
        aria-disabled={disabled || full ? true : undefined}
      >
        {t('fieldPhotos.take')}
      </label>
      <p className="field-hint">
        {full
          ? t('fieldPhotos.full', { max })
          : t('fieldPhotos.hint', { count: uploads.photos.length })}
      </p>
      {uploads.photos.length > 0 ? (
        <ul className="photo-picker__list" aria-label={t('fieldPhotos.list')}>
          {uploads.photos.map((photo, index) => (
            <PhotoTile
              key={photo.key}
              photo={photo}
              index={index}
              disabled={disabled}
              onRemove={() => uploads.remove(photo.key)}
              onRetry={caseId ? () => uploads.retry(photo.key, caseId) : undefined}
            />
          ))}
        </ul>
      ) : null}
    </div>
  )
}
