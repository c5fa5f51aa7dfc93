import type { ReactNode } from 'react'
import { Icon } from '../icon'

export type OfflineBannerProps = {
  message: string
  detail?: ReactNode
  action?: ReactNode
}

/** A full-width strip under the header while the server or network is unreachable. */
export function OfflineBanner({ message, detail, action }: OfflineBannerProps) {
  return (
    <div role="alert" className="co-offline-banner" data-testid="offline-banner">
      <Icon name="offline" />
      <p className="co-offline-banner__message">
        <strong>{message}</strong>
        {detail ? <span className="co-offline-banner__detail"> {detail}</span> : null}
      </p>
      {action ? <div className="co-offline-banner__action">{action}</div> : null}
    </div>
  )
}
