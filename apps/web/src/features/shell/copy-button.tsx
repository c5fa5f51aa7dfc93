import { Button, Icon } from '@cityops/ui'
import { useState } from 'react'
import { useT } from '../../i18n'

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies `text` to the clipboard and says whether it worked (politely announced). */
export function CopyButton({
  text,
  'data-testid': testId,
}: {
  text: string
  'data-testid'?: string
}) {
  const t = useT()
  const [state, setState] = useState<CopyState>('idle')
  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <span className="copy-button">
      <Button data-testid={testId} onClick={() => void copy()}>
        <Icon name="copy" />
        {t('common.copy')}
      </Button>
      <span role="status" className="copy-button__status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  )
}
