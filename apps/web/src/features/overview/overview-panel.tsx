import { EmptyState, Panel } from '@cityops/ui'
import { useT } from '../../i18n'

/** Right-hand column over the map; KPI panels and dispatch queues will replace the empty state. */
export function OverviewPanel() {
  const t = useT()
  return (
    <Panel title={t('overview.title')} className="overview-panel" data-testid="overview-panel">
      <EmptyState title={t('overview.emptyTitle')} description={t('overview.emptyDescription')} />
    </Panel>
  )
}
