import { StatusBadge } from '@cityops/ui'
import type { StatusKind } from '@cityops/ui'
import { formatDateTime, useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useWallLive } from '../../live/wall-store'

/**
 * Live / degraded / offline, always visible: "live" only while the socket is subscribed and no
 * layer is stale; offline names the time of the last live data, so a frozen wall says so.
 */
export function ConnectionIndicator({ staleLayers }: { staleLayers: number }) {
  const t = useT()
  const locale = useAppStore((s) => s.locale)
  const connection = useWallLive((s) => s.connection)
  const liveAt = useWallLive((s) => s.liveAt)
  const detail = useWallLive((s) => s.connectionDetail)
  let status: StatusKind
  let label: string
  if (connection === 'live' && staleLayers === 0) {
    status = 'ok'
    label = t('conn.live')
  } else if (connection === 'live') {
    status = 'degraded'
    label = t('conn.degraded')
  } else if (connection === 'offline') {
    status = 'offline'
    label = liveAt
      ? t('conn.offlineSince', { time: formatDateTime(locale, new Date(liveAt).toISOString()) })
      : t('conn.offline')
  } else if (connection === 'reconnecting') {
    status = 'degraded'
    label = t('conn.reconnecting')
  } else {
    status = 'loading'
    label = t('conn.connecting')
  }
  return (
    <StatusBadge
      status={status}
      label={label}
      detail={detail ? `${t('conn.hint')}: ${detail}` : t('conn.hint')}
      data-testid="live-status"
      data-connection={connection}
      className="wall-connection"
    />
  )
}
