import type { LiveEvent } from '@cityops/domain'
import { create } from 'zustand'
import type { ConnectionState, LiveFeed, LiveFrame } from './live-feed'
import { MAP_TOPICS, type MapTopic } from './live-feature'

export interface LayerInfo {
  loaded: boolean
  count: number
  /** Newest data time in the layer (ms since epoch), null when it holds none. */
  newestDataAt: number | null
}

/** Changes worth a line in the ticker (readings and movements are not). */
const TICKER_TYPES = /^(incident|case|alarm|capAlert)\./
const TICKER_LENGTH = 40

/**
 * What the wall's panels read from the live feed, updated once per animation frame (never
 * once per event): connection state, each layer's size and freshness, the latest changes.
 */
export interface WallLiveState {
  connection: ConnectionState
  connectionDetail: string | null
  /** When the connection was last live (ms), for "offline since". */
  liveAt: number | null
  layers: Record<MapTopic, LayerInfo>
  ticker: LiveEvent[]
  lastSeq: number | null
}

const emptyLayers = () =>
  Object.fromEntries(
    MAP_TOPICS.map((t) => [t, { loaded: false, count: 0, newestDataAt: null }]),
  ) as Record<MapTopic, LayerInfo>

export const useWallLive = create<WallLiveState>()(() => ({
  connection: 'connecting',
  connectionDetail: null,
  liveAt: null,
  layers: emptyLayers(),
  ticker: [],
  lastSeq: null,
}))

export function noteConnection(state: ConnectionState, detail?: string) {
  useWallLive.setState((s) => ({
    connection: state,
    connectionDetail: detail ?? null,
    liveAt: state === 'live' ? Date.now() : s.liveAt,
  }))
}

export function noteFrame(feed: LiveFeed, frame: LiveFrame) {
  const news = frame.events.filter((e) => TICKER_TYPES.test(e.type)).reverse()
  useWallLive.setState((s) => ({
    layers: Object.fromEntries(
      MAP_TOPICS.map((t) => {
        const layer = feed.layers[t]
        return [
          t,
          { loaded: layer.loaded, count: layer.features.size, newestDataAt: layer.newestDataAt },
        ]
      }),
    ) as Record<MapTopic, LayerInfo>,
    ticker: news.length ? [...news, ...s.ticker].slice(0, TICKER_LENGTH) : s.ticker,
    lastSeq: feed.lastSeq,
    liveAt: s.connection === 'live' ? Date.now() : s.liveAt,
  }))
}

export function resetWallLive() {
  useWallLive.setState({
    connection: 'connecting',
    connectionDetail: null,
    liveAt: null,
    layers: emptyLayers(),
    ticker: [],
    lastSeq: null,
  })
}
