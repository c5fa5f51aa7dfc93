import { Button, InlineAlert } from '@cityops/ui'
import { useState } from 'react'
import { useT } from '../../../i18n'
import { briefingFileName } from './file-name'
import { renderBriefingPdf } from './render-pdf'
import { renderBriefingPng } from './render-png'
import '../thematic-tools.css'
import type { BriefingExportProps, BriefingSnapshot } from './types'

type Format = 'png' | 'pdf'

const RENDER: Record<Format, (s: BriefingSnapshot) => Promise<Blob>> = {
  png: renderBriefingPng,
  pdf: renderBriefingPdf,
}

/** Two buttons that save the briefing of what the page shows, as an image or a printable PDF. */
export function BriefingExport({ getSnapshot }: BriefingExportProps) {
  const t = useT()
  const [busy, setBusy] = useState<Format | null>(null)
  const [error, setError] = useState<string | null>(null)

  const run = async (format: Format) => {
    setBusy(format)
    setError(null)
    try {
      const snapshot = await getSnapshot()
      const blob = await RENDER[format](snapshot)
      const prefix = t('briefing.filePrefix')
      download(blob, briefingFileName(prefix, snapshot.title, snapshot.period, format))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="tt-export" aria-busy={busy !== null}>
      <Button data-testid="export-png" disabled={busy !== null} onClick={() => void run('png')}>
        {t('briefing.exportPng')}
      </Button>
      <Button data-testid="export-pdf" disabled={busy !== null} onClick={() => void run('pdf')}>
        {t('briefing.exportPdf')}
      </Button>
      <span role="status" className="tt-muted">
        {busy ? t('briefing.busy') : ''}
      </span>
      {error ? (
        <InlineAlert tone="error">{t('briefing.failed', { message: error })}</InlineAlert>
      ) : null}
    </div>
  )
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The click has handed the file to the browser's download; the URL is not needed after it.
  window.setTimeout(() => URL.revokeObjectURL(url), 0)
}
