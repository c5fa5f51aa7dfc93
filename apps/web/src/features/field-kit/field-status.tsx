import { InlineAlert } from '@cityops/ui'
import type { ConnectionState } from '../../live/live-feed'
import { useT } from '../../i18n'
import { useOnlineStatus } from '../health/use-online-status'

/**
 * Whether what the phone shows is current: offline (the app shell still works, the lists are
 * from the last load) or the live stream is reconnecting.
 */
export function FieldStatus({ connection }: { connection: ConnectionState }) {
  const t = useT()
  const online = useOnlineStatus()
  if (!online) {
    return (
      <InlineAlert tone="warn" data-testid="field-offline">
        {t('fieldApp.offline')}
      </InlineAlert>
    )
  }
  if (connection === 'live' || connection === 'connecting') return null
  return <InlineAlert tone="info">{t('fieldApp.reconnecting')}</InlineAlert>
}
