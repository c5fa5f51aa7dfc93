import { useT } from '../../i18n'
import type { FitPadding } from '../../map/view'
import { OperationsMap } from '../map'
import { OverviewPanel } from './overview-panel'
import './overview-page.css'

// Keep the city clear of the side column (overview-page.css: about 22vw plus its margin).
const FIT_PADDING: FitPadding = ({ width }) => ({
  top: 40,
  bottom: 56,
  left: 64,
  right: Math.round(width * 0.22) + 48,
})

/** Route `/`: the operations overview. Loaded lazily, since it pulls in MapLibre. */
export default function OverviewPage() {
  const t = useT()
  return (
    <div className="overview-page">
      {/* The map is the page; the heading names it for screen readers and tests. */}
      <h1 className="co-visually-hidden">{t('nav.overview')}</h1>
      <OperationsMap fitPadding={FIT_PADDING} />
      <aside className="overview-page__side">
        <OverviewPanel />
      </aside>
    </div>
  )
}
