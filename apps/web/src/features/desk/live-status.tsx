import { StatusBadge, type StatusKind } from '@cityops/ui'
import type { ConnectionState } from '../../live/live-feed'
import { useT, type MessageKey } from '../../i18n'

const VIEW: Record<ConnectionState, { status: StatusKind; label: MessageKey }> = {
  connecting: { status: 'loading', label: 'desk.connecting' },
  live: { status: 'ok', label: 'desk.live' },
  reconnecting: { status: 'degraded', label: 'desk.reconnecting' },
  offline: { status: 'offline', label: 'desk.offline' },
}

/** Whether the desk's lists follow the event stream right now. */
export function LiveStatus({ connection }: { connection: ConnectionState }) {
  const t = useT()
  const view = VIEW[connection]
  return <StatusBadge status={view.status} label={t(view.label)} data-testid="desk-live" />
}
