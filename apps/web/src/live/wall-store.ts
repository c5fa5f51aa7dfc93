import { Alarm, type LiveEvent } from '@cityops/domain'
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
  /** Unacknowledged alarms, newest first; acknowledgement anywhere removes them everywhere. */
  alarms: Alarm[]
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
  alarms: [],
}))

export function noteConnection(state: ConnectionState, detail?: string) {
  useWallLive.setState((s) => ({
    connection: state,
    connectionDetail: detail ?? null,
    liveAt: state === 'live' ? Date.now() : s.liveAt,
  }))
}

// Alarms acknowledged while this wall was open (id → version): a list fetched a moment
// earlier must not bring them back.
const acknowledged = new Map<string, number>()

/** Merges the fetched open alarms with what the stream has already said (newer version wins). */
export function loadAlarms(items: Alarm[]) {
  useWallLive.setState((s) => {
    const byId = new Map(s.alarms.map((a) => [a.id, a]))
    for (const a of items) {
      const known = byId.get(a.id)
      if ((acknowledged.get(a.id) ?? 0) >= a.version) continue
      if (!known || known.version < a.version) byId.set(a.id, a)
    }
    return { alarms: [...byId.values()].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)) }
  })
}

/** Raised alarms join the list, acknowledged ones leave it; a stale event changes nothing. */
export function applyAlarmEvents(current: Alarm[], events: readonly LiveEvent[]): Alarm[] {
  let next = current
  for (const e of events) {
    if (e.type !== 'alarm.raised' && e.type !== 'alarm.acknowledged') continue
    const parsed = Alarm.safeParse(e.data)
    if (!parsed.success) continue
    const alarm = parsed.data
    const known = next.find((a) => a.id === alarm.id)
    if (known && known.version >= alarm.version) continue
    next = next.filter((a) => a.id !== alarm.id)
    if (alarm.acknowledgedAt === null) next = [alarm, ...next]
    else acknowledged.set(alarm.id, alarm.version)
  }
  return next
}

/** Seeds the ticker with changes from just before the wall opened (oldest first in `events`). */
export function seedTicker(events: readonly LiveEvent[]) {
  const news = events.filter((e) => TICKER_TYPES.test(e.type)).reverse()
  useWallLive.setState((s) => ({
    ticker: [...s.ticker, ...news.filter((e) => !s.ticker.some((x) => x.seq === e.seq))]
      .sort((a, b) => b.seq - a.seq)
      .slice(0, TICKER_LENGTH),
  }))
}

/** This wall acknowledged it: gone at once (the event will say the same to every other wall). */
export function noteAcknowledged(alarm: Alarm) {
  acknowledged.set(alarm.id, alarm.version)
  useWallLive.setState((s) => ({ alarms: s.alarms.filter((a) => a.id !== alarm.id) }))
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
    alarms: applyAlarmEvents(s.alarms, frame.events),
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
    alarms: [],
  })
}
