import { Button, InlineAlert, type InlineAlertTone } from '@cityops/ui'
import type { ReactNode } from 'react'
import { ApiError, NetworkError } from '../../api/errors'
import { useT } from '../../i18n'
import type { DisplayMode } from './thematic-url'
import type { useThematicData } from './use-thematic-data'

type Props = { data: ReturnType<typeof useThematicData>; mode: DisplayMode }

/** What stops the map from showing the numbers, over the map: 422, errors, offline, loading. */
export function ThematicStatus({ data, mode }: Props) {
  const t = useT()
  const { current, before } = data
  const failed = current.error ?? before.error
  if (data.range === null) {
    return <Note tone="warn">{t('thematic.rangeInvalid')}</Note>
  }
  if (failed instanceof ApiError && failed.status === 422) {
    // Grid level (or another level the indicator cannot be mapped at): the API says why.
    return (
      <Note tone="warn" testId="thematic-unavailable">
        <strong>{t('thematic.levelUnavailable')}</strong> {failed.problem.error}
      </Note>
    )
  }
  if (failed) {
    const retry = () => {
      void current.refetch()
      if (data.previous) void before.refetch()
    }
    const message =
      failed instanceof NetworkError
        ? t('common.offlineDescription')
        : failed instanceof ApiError
          ? (failed.problem.error ?? t('common.unexpected', { status: failed.status }))
          : failed.message
    return (
      <Note tone="error" testId="thematic-error">
        <span>
          <strong>
            {failed instanceof NetworkError ? t('common.offlineTitle') : t('common.loadFailed')}
          </strong>{' '}
          {message}
        </span>
        <Button onClick={retry}>{t('common.retry')}</Button>
      </Note>
    )
  }
  if (data.error) {
    return <Note tone="warn">{t('thematic.compareFailed', { message: data.error })}</Note>
  }
  if (current.isFetching || (data.previous && before.isFetching)) {
    return (
      <div className="thematic-status thematic-status--busy" role="status" aria-live="polite">
        <span className="thematic-status__spinner" aria-hidden="true" />
        {t('thematic.loading')}
      </div>
    )
  }
  if (mode === 'heatmap' && data.factKind && data.facts.error) {
    return <Note tone="info">{t('thematic.heatmap.failed')}</Note>
  }
  if (mode === 'heatmap' && !data.factKind) {
    return <Note tone="info">{t('thematic.heatmap.areas')}</Note>
  }
  if (mode === 'heatmap' && data.factKind && data.facts.data) {
    const kind = t(`thematic.heatmap.${data.factKind}`)
    return (
      <Note tone="info">
        {t('thematic.heatmap.points', { count: data.facts.data.length, kind })}
      </Note>
    )
  }
  return null
}

type NoteProps = {
  tone: InlineAlertTone
  testId?: string
  children: ReactNode
}

function Note({ tone, testId, children }: NoteProps) {
  return (
    <div className="thematic-status" data-testid={testId}>
      <InlineAlert tone={tone}>{children}</InlineAlert>
    </div>
  )
}
