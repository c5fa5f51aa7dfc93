import { Button, OfflineBanner } from '@cityops/ui'
import { useT } from '../../i18n'
import { useHealth } from './use-health'
import { useOnlineStatus } from './use-online-status'

/** Shown under the header while the network or the BFF is unreachable. */
export function ConnectionBanner() {
  const t = useT()
  const isOnline = useOnlineStatus()
  const { status, refetch } = useHealth()
  if (isOnline && status !== 'offline') return null
  return (
    <OfflineBanner
      message={isOnline ? t('offline.server') : t('offline.network')}
      detail={t('offline.detail')}
      action={
        <Button variant="secondary" onClick={refetch}>
          {t('offline.retry')}
        </Button>
      }
    />
  )
}
