import { LoadingState } from '@cityops/ui'
import { useQuery } from '@tanstack/react-query'
import { caseEvidenceQueryOptions } from '../../api/cases'
import { isNotFound } from '../../api/errors'
import { formatDateTime, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'

/** Photo thumbnails of a case; each opens the full image in a new tab. */
export function CaseEvidence({ caseId }: { caseId: string }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const evidence = useQuery(caseEvidenceQueryOptions(caseId))
  if (evidence.isPending) return <LoadingState label={t('evidence.loading')} />
  if (evidence.isError)
    return (
      <p className="case-muted" data-testid="case-evidence-unavailable">
        {isNotFound(evidence.error) ? t('evidence.empty') : t('evidence.unavailable')}
      </p>
    )
  const images = evidence.data.filter((e) => e.contentType.startsWith('image/'))
  if (images.length === 0) return <p className="case-muted">{t('evidence.empty')}</p>
  return (
    <ul className="case-evidence" data-testid="case-evidence">
      {images.map((e) => {
        const at = formatDateTime(locale, e.capturedAt ?? e.uploadedAt)
        return (
          <li key={e.id}>
            <a href={e.url} target="_blank" rel="noreferrer" title={t('evidence.open')}>
              <img src={e.url} alt={t('evidence.alt', { at })} loading="lazy" />
            </a>
            <time dateTime={e.capturedAt ?? e.uploadedAt}>{at}</time>
          </li>
        )
      })}
    </ul>
  )
}
