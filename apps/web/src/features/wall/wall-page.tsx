import { Button, ErrorState, LoadingState } from '@cityops/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useT } from '../../i18n'
import { MAP_TOPICS, type MapTopic } from '../../live/live-feature'
import { useLiveFeed } from '../../live/use-live-feed'
import { useWallLive } from '../../live/wall-store'
import type { MapView } from '../../map/mount-map'
import type { FitPadding } from '../../map/view'
import { OperationsMap } from '../map'
import { AlarmPanel } from './alarm-panel'
import { ConnectionIndicator } from './connection-indicator'
import { DetailPanel } from './detail-panel'
import { EventTicker } from './event-ticker'
import { KpiStrip } from './kpi-strip'
import { isStale, LayerPanel, Legend } from './layer-panel'
import { computeLiveKpis, type LiveKpis } from './live-kpis'
import { useKiosk } from './use-kiosk'
import { useServerKpis } from './use-server-kpis'
import { parseWallUrl, wallSearch } from './wall-url'
import './wall-page.css'

// Keep the city clear of the KPI strip, the side column and the ticker.
const FIT_PADDING: FitPadding = ({ width, height }) => ({
  top: Math.round(height * 0.14),
  bottom: Math.round(height * 0.1),
  left: 48,
  right: Math.round(width * 0.22) + 48,
})

// Panels re-read the layers once a second: enough for a wall, and never per event.
const PANEL_TICK_MS = 1000

/**
 * Route `/`: the operations wall. The map fills the screen; the KPI strip, side column and
 * ticker float over it. Everything on it comes from one live feed (snapshots + socket).
 */
export default function WallPage() {
  const t = useT()
  const location = useLocation()
  const navigate = useNavigate()
  const url = useMemo(() => parseWallUrl(location.search), [location.search])
  const [initialView] = useState(() => url.view)
  const [hidden, setHidden] = useState(() => url.hidden)
  const { feed, error } = useLiveFeed()
  const [now, setNow] = useState(() => Date.now())
  const [kpis, setKpis] = useState<LiveKpis | null>(null)
  const server = useServerKpis()
  const layers = useWallLive((s) => s.layers)
  const alarms = useWallLive((s) => s.alarms)
  const [selected, setSelected] = useState<{ topic: MapTopic; id: string } | null>(null)
  const [locate, setLocate] = useState<MapView | null>(null)
  const alarmMarks = useMemo(
    () =>
      alarms.flatMap((a) =>
        a.kind === 'incident' && a.location
          ? [{ id: a.id, location: a.location, grade: a.grade }]
          : [],
      ),
    [alarms],
  )
  useEffect(() => {
    if (!selected) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setSelected(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [selected])

  useEffect(() => {
    const tick = () => {
      const at = Date.now()
      setNow(at)
      if (feed)
        setKpis(
          computeLiveKpis(
            {
              incidents: feed.layers.incidents.features.values(),
              traffic: feed.layers.traffic.features.values(),
              environment: feed.layers.environment.features.values(),
              cases: feed.layers.cases.features.values(),
            },
            at,
          ),
        )
    }
    tick()
    const timer = setInterval(tick, PANEL_TICK_MS)
    return () => clearInterval(timer)
  }, [feed])

  const replaceSearch = useCallback(
    (patch: Parameters<typeof wallSearch>[1]) =>
      void navigate({ search: wallSearch(window.location.search, patch) }, { replace: true }),
    [navigate],
  )
  const onToggle = (topic: MapTopic, visible: boolean) => {
    const next = visible ? hidden.filter((t) => t !== topic) : [...hidden, topic]
    setHidden(next)
    replaceSearch({ hidden: next })
  }
  const onViewChange = useCallback((view: MapView) => replaceSearch({ view }), [replaceSearch])
  const exitKiosk = useCallback(() => {
    const q = new URLSearchParams(window.location.search)
    q.delete('kiosk')
    q.delete('tour')
    void navigate({ search: q.toString() ? `?${q}` : '' }, { replace: true })
  }, [navigate])
  const tourStop = useKiosk(url.kiosk, url.tour, exitKiosk)
  const staleLayers = MAP_TOPICS.filter(
    (topic) => !hidden.includes(topic) && isStale(topic, layers[topic].newestDataAt, now),
  ).length

  return (
    <div
      className="wall"
      data-kiosk={url.kiosk || undefined}
      data-alarming={alarms.length > 0 || undefined}
      data-testid="wall"
    >
      <h1 className="co-visually-hidden">{t('nav.overview')}</h1>
      <OperationsMap
        fitPadding={FIT_PADDING}
        feed={feed}
        hidden={hidden}
        initialView={initialView}
        onViewChange={onViewChange}
        onSelect={setSelected}
        flyTo={locate ?? tourStop}
        alarms={alarmMarks}
      />
      <KpiStrip live={kpis} server={server} />
      <aside className="wall__side">
        {error ? (
          <ErrorState
            title={t('wall.loadFailed', { message: error })}
            action={
              <Button variant="primary" onClick={() => window.location.reload()}>
                {t('wall.retry')}
              </Button>
            }
          />
        ) : !feed ? (
          <LoadingState label={t('wall.loading')} />
        ) : null}
        <AlarmPanel
          onLocate={(alarm) => {
            if (alarm.location) setLocate({ center: alarm.location, zoom: 14 })
            // an unacknowledged assignment's alarm is about its incident (subjectId)
            if (alarm.kind === 'incident' || alarm.kind === 'assignmentOverdue')
              setSelected({ topic: 'incidents', id: alarm.subjectId })
          }}
        />
        {selected ? (
          <DetailPanel feed={feed} selected={selected} onClose={() => setSelected(null)} />
        ) : (
          <LayerPanel hidden={hidden} onToggle={onToggle} now={now} />
        )}
      </aside>
      <Legend hidden={hidden} />
      <div className="wall__bottom">
        <EventTicker />
        <ConnectionIndicator staleLayers={staleLayers} />
      </div>
      {url.kiosk ? <p className="wall__kiosk-hint">{t('kiosk.exit')}</p> : null}
    </div>
  )
}
