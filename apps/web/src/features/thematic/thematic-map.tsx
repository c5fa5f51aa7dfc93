import { ErrorState, LoadingState } from '@cityops/ui'
import { useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react'
import type { ReactNode, Ref } from 'react'
import { useT } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { mountThematicMap } from './mount-thematic-map'
import type { GeoJsonData, ThematicMapController } from './mount-thematic-map'
import { fillColor } from './thematic-layers'
import { NO_DATA_COLOR } from './thematic-model'
import type { DisplayMode } from './thematic-url'

export type MapPoint = { coordinates: [number, number]; properties: Record<string, unknown> }

/** What the page hands up: a copy of the current frame for the briefing export. */
export type ThematicMapHandle = { getMapImage: () => Promise<HTMLCanvasElement> }

type Props = {
  label: string
  areas: GeoJsonData | null
  colors: ReadonlyMap<string, string>
  mode: DisplayMode
  heat: readonly MapPoint[]
  symbols: readonly MapPoint[]
  replay: readonly MapPoint[]
  /** An area to ring (the table row with keyboard focus), with where to put its tooltip. */
  focused: { code: string; at: [number, number] } | null
  tooltip: (code: string) => ReactNode
  handleRef: Ref<ThematicMapHandle>
}

type MapState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string | null }

const collection = (points: readonly MapPoint[]): GeoJsonData => ({
  type: 'FeatureCollection',
  features: points.map((p) => ({
    type: 'Feature',
    properties: p.properties,
    geometry: { type: 'Point', coordinates: p.coordinates },
  })),
})

/** The thematic map: the offline basemap, the joined areas and the mode's layer. */
export function ThematicMap(props: Props) {
  const { areas, colors, mode, heat, symbols, replay, focused, handleRef } = props
  const t = useT()
  const [state, setState] = useState<MapState>({ kind: 'loading' })
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null)
  const controllerRef = useRef<ThematicMapController | null>(null)
  const [label] = useState(props.label)

  const containerRef = useCallback(
    (node: HTMLDivElement) => {
      const { theme, locale } = useAppStore.getState()
      const controller = mountThematicMap(
        node,
        { theme, locale, label },
        {
          onLoad: () => setState({ kind: 'ready' }),
          onFailure: (message) => setState({ kind: 'error', message }),
        },
      )
      if (!controller) return
      controllerRef.current = controller
      controller.onHover(setHover)
      const unsubscribe = useAppStore.subscribe((next, prev) => {
        if (next.theme !== prev.theme || next.locale !== prev.locale)
          controller.update({ theme: next.theme, locale: next.locale, label })
      })
      return () => {
        unsubscribe()
        controllerRef.current = null
        controller.destroy()
      }
    },
    [label],
  )

  const isReady = state.kind === 'ready'
  useEffect(() => {
    if (isReady && areas) controllerRef.current?.setAreas(areas)
  }, [isReady, areas])
  useEffect(() => {
    if (isReady) controllerRef.current?.setFill(fillColor(colors, NO_DATA_COLOR))
  }, [isReady, colors])
  useEffect(() => {
    const c = controllerRef.current
    if (!isReady || !c) return
    c.setPoints('points', collection(heat))
    c.setPoints('symbols', collection(symbols))
    // Heat and circles read best over the outlines alone, without the class colours.
    c.setVisible('fill', mode === 'choropleth')
    c.setVisible('heat', mode === 'heatmap')
    c.setVisible('symbols', mode === 'symbols')
  }, [isReady, mode, heat, symbols])
  useEffect(() => {
    if (isReady) controllerRef.current?.setPoints('replay', collection(replay))
  }, [isReady, replay])
  const focusCode = focused?.code ?? null
  const focusLng = focused?.at[0]
  const focusLat = focused?.at[1]
  useEffect(() => {
    const c = controllerRef.current
    if (!isReady || !c) return
    c.focus(
      focusCode && focusLng !== undefined && focusLat !== undefined
        ? { code: focusCode, at: [focusLng, focusLat] }
        : null,
    )
  }, [isReady, focusCode, focusLng, focusLat])

  useImperativeHandle(
    handleRef,
    () => ({
      getMapImage: () =>
        controllerRef.current?.getMapImage() ?? Promise.reject(new Error(t('map.unavailable'))),
    }),
    [t],
  )

  const tip = hover
  return (
    <div className="thematic-map" data-testid="thematic-map">
      <div ref={containerRef} className="thematic-map__canvas" />
      {tip ? (
        <div
          className="thematic-map__tooltip"
          role="status"
          style={{ left: tip.x, top: tip.y }}
          data-testid="thematic-tooltip"
        >
          {props.tooltip(tip.code)}
        </div>
      ) : null}
      {state.kind === 'loading' ? (
        <div className="thematic-map__overlay">
          <LoadingState label={t('map.loading')} />
        </div>
      ) : null}
      {state.kind === 'error' ? (
        <div className="thematic-map__overlay">
          <ErrorState
            title={t('map.unavailable')}
            description={
              state.message === null
                ? t('map.unavailableWebgl')
                : t('map.unavailableLoad', { message: state.message })
            }
          />
        </div>
      ) : null}
    </div>
  )
}
