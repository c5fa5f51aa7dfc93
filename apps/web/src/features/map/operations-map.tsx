import { Button, ErrorState, LoadingState } from '@cityops/ui'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { LiveFeed } from '../../live/live-feed'
import { MAP_TOPICS, type MapTopic } from '../../live/live-feature'
import { translate, useT } from '../../i18n'
import type { MessageKey } from '../../i18n'
import type { DeskPoint } from '../../map/desk-points'
import { mountMap } from '../../map/mount-map'
import type {
  AlarmMark,
  MapController,
  MapFailure,
  MapView,
  MapViewSettings,
} from '../../map/mount-map'

const NO_ALARMS: readonly AlarmMark[] = []
const NO_POINTS: readonly DeskPoint[] = []
import type { FitPadding } from '../../map/view'
import { useAppStore } from '../../stores/app-store'
import type { AppState } from '../../stores/app-store'
import './operations-map.css'

type MapState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; failure: MapFailure }

function settingsOf({ theme, locale }: Pick<AppState, 'theme' | 'locale'>): MapViewSettings {
  const tr = (key: MessageKey) => translate(locale, key)
  return {
    theme,
    locale,
    labels: {
      map: tr('map.label'),
      zoomIn: tr('map.zoomIn'),
      zoomOut: tr('map.zoomOut'),
      attribution: tr('map.attribution'),
    },
  }
}

export type OperationsMapProps = {
  /** Room to keep free when the map first fits the city (read once, at mount). */
  fitPadding?: FitPadding
  /** Live layers to draw (the wall's feed); none on pages without one. */
  feed?: LiveFeed | null
  hidden?: readonly MapTopic[]
  /** Camera to start from instead of fitting the city (read once, at mount). */
  initialView?: MapView | null
  onViewChange?: (view: MapView) => void
  onSelect?: (hit: { topic: MapTopic; id: string }) => void
  /** A camera to move to (kiosk tour); changes animate. */
  flyTo?: MapView | null
  /** Incidents whose alarm is open: they pulse. */
  alarms?: readonly AlarmMark[]
  /** A desk's own cases (its filtered queue), drawn over the basemap; clicks open one. */
  deskPoints?: readonly DeskPoint[]
  onDeskPointClick?: (id: string) => void
}

/**
 * The MapLibre map, uncontrolled: created once per mount, restyled in place when the theme or
 * language changes (store subscription, no React re-render), removed on unmount.
 */
export function OperationsMap({
  fitPadding,
  feed = null,
  hidden = [],
  initialView = null,
  onViewChange,
  onSelect,
  flyTo,
  alarms = NO_ALARMS,
  deskPoints = NO_POINTS,
  onDeskPointClick,
}: OperationsMapProps) {
  const t = useT()
  const [state, setState] = useState<MapState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const controllerRef = useRef<MapController | null>(null)
  // Callbacks change identity on every render; the map's listeners read the latest.
  const callbacks = useRef({ onViewChange, onSelect, onDeskPointClick })
  useEffect(() => {
    callbacks.current = { onViewChange, onSelect, onDeskPointClick }
  }, [onViewChange, onSelect, onDeskPointClick])

  // Read once at mount: the camera is the user's after that.
  const [initialFitPadding] = useState(() => fitPadding)
  const [startView] = useState(() => initialView)

  const containerRef = useCallback(
    (node: HTMLDivElement) => {
      const controller = mountMap(node, {
        ...settingsOf(useAppStore.getState()),
        fitPadding: initialFitPadding,
        initialView: startView,
        onLoad: () => setState({ kind: 'ready' }),
        onFailure: (failure) => setState({ kind: 'error', failure }),
      })
      controllerRef.current = controller
      controller.onViewChange((view) => callbacks.current.onViewChange?.(view))
      controller.onFeatureClick((hit) => callbacks.current.onSelect?.(hit))
      controller.onDeskPointClick((id) => callbacks.current.onDeskPointClick?.(id))
      const unsubscribe = useAppStore.subscribe((next, prev) => {
        if (next.theme !== prev.theme || next.locale !== prev.locale) {
          controller.update(settingsOf(next))
        }
      })
      return () => {
        unsubscribe()
        controllerRef.current = null
        controller.destroy()
      }
    },
    [initialFitPadding, startView],
  )

  useEffect(() => {
    if (feed) controllerRef.current?.attachLive(feed)
  }, [feed, attempt])
  const hiddenKey = hidden.join(',')
  useEffect(() => {
    for (const topic of MAP_TOPICS)
      controllerRef.current?.setTopicVisible(topic, !hiddenKey.split(',').includes(topic))
  }, [hiddenKey, attempt])
  useEffect(() => {
    if (flyTo) controllerRef.current?.flyTo(flyTo)
  }, [flyTo])
  useEffect(() => {
    controllerRef.current?.setAlarms(alarms)
  }, [alarms, attempt, state.kind])
  useEffect(() => {
    controllerRef.current?.setDeskPoints(deskPoints)
  }, [deskPoints, attempt, state.kind])

  const retry = () => {
    setState({ kind: 'loading' })
    setAttempt((n) => n + 1)
  }

  return (
    <div className="operations-map" data-testid="map" data-map-state={state.kind}>
      <div key={attempt} ref={containerRef} className="operations-map__canvas" />
      {state.kind === 'loading' ? (
        <div className="operations-map__overlay">
          <LoadingState label={t('map.loading')} />
        </div>
      ) : null}
      {state.kind === 'error' ? (
        <div className="operations-map__overlay">
          <ErrorState
            title={t('map.unavailable')}
            description={
              state.failure.kind === 'webgl'
                ? t('map.unavailableWebgl')
                : t('map.unavailableLoad', { message: state.failure.message })
            }
            action={
              state.failure.kind === 'load' ? (
                <Button variant="primary" onClick={retry}>
                  {t('map.retry')}
                </Button>
              ) : undefined
            }
          />
        </div>
      ) : null}
    </div>
  )
}
