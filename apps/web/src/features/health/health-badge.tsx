import { StatusBadge } from '@cityops/ui'
import { useHealth } from './use-health'

/** Header badge: 系统正常 · PGlite / degraded / offline / checking. Tooltip has versions. */
export function HealthBadge() {
  const { status, label, detail } = useHealth()
  return (
    <StatusBadge
      data-testid="health-badge"
      status={status}
      label={label}
      detail={detail || undefined}
    />
  )
}
